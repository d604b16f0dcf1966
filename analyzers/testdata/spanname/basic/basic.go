// Package basic covers span names built from request data, IDs and
// numbers: each is reported with the unbounded part it is built from.
package basic

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gorilla/mux"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("basic")

func rawPath(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), r.URL.Path) // want `^span name is built from r\.URL\.Path, which has unbounded values \(backends cannot group such spans; name it after the route, e\.g\. r\.Pattern, and record the path as url\.path\)$`
	defer span.End()
}

func methodAndPath(w http.ResponseWriter, req *http.Request) {
	_, span := tracer.Start(req.Context(), req.Method+" "+req.URL.Path) // want `built from req\.URL\.Path, .*e\.g\. req\.Pattern, and record the path as url\.path`
	defer span.End()
}

func requestURI(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), r.RequestURI) // want `built from r\.RequestURI, .*record the path as url\.path`
	defer span.End()
}

func urlString(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "GET "+r.URL.String()) // want `built from r\.URL\.String\(\), .*record the URL as url\.full`
	defer span.End()
}

func rawQuery(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "search?"+r.URL.RawQuery) // want `built from r\.URL\.RawQuery, .*use a constant name and record the query as url\.query`
	defer span.End()
}

func host(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), fmt.Sprintf("proxy %s", r.Host)) // want `built from r\.Host, .*use a constant name and record the host as server\.address`
	defer span.End()
}

func pathValue(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "get_user "+r.PathValue("id")) // want `built from r\.PathValue\("id"\), .*use a constant name and record r\.PathValue\("id"\) as an attribute`
	defer span.End()
}

func muxVars(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "item "+mux.Vars(r)["id"]) // want `built from mux\.Vars\(r\), `
	defer span.End()
}

// The path reaches the name through a variable and a strings function.
func derived(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(r.URL.Path, "/api")
	_, span := tracer.Start(r.Context(), p) // want `built from p \(from r\.URL\.Path\), `
	defer span.End()
}

func setName(w http.ResponseWriter, r *http.Request) {
	span := trace.SpanFromContext(r.Context())
	span.SetName("handle " + r.URL.EscapedPath()) // want `built from r\.URL\.EscapedPath\(\), `
}

func sprintfID(ctx context.Context, id string) {
	_, span := tracer.Start(ctx, fmt.Sprintf("get_account %s/%s", "v1", id)) // want `^span name is built from id, which has unbounded values \(backends cannot group such spans; use a constant name and record id as an attribute\)$`
	defer span.End()
}

func concatID(ctx context.Context, accountID string) {
	_, span := tracer.Start(ctx, "get_account/"+accountID+"/") // want `built from accountID, `
	defer span.End()
}

func number(ctx context.Context, n int) {
	_, span := tracer.Start(ctx, strconv.Itoa(n)) // want `built from n, `
	defer span.End()
}

type user struct {
	ID   string
	Name string
}

func field(ctx context.Context, u user) {
	_, span := tracer.Start(ctx, "user "+u.ID) // want `built from u\.ID, `
	defer span.End()
}

func joined(ctx context.Context, orderID string) {
	_, span := tracer.Start(ctx, strings.Join([]string{"orders", orderID}, "/")) // want `built from orderID, `
	defer span.End()
}

func each(ctx context.Context, ids []string) {
	for _, id := range ids {
		_, span := tracer.Start(ctx, "load "+id) // want `built from id, `
		span.End()
	}
}

func counter(ctx context.Context, items []string) {
	count := len(items)
	_, span := tracer.Start(ctx, fmt.Sprint("batch-", count)) // want `built from count, `
	defer span.End()
}

// A variable assigned a constant on one path and the path on another.
func mixed(w http.ResponseWriter, r *http.Request) {
	name := "root"
	if r.URL.Path != "/" {
		name = r.URL.Path
	}
	_, span := tracer.Start(r.Context(), name) // want `built from name \(from r\.URL\.Path\), `
	defer span.End()
}

func sprintfURL(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), fmt.Sprintf("%s %s", r.Method, r.URL)) // want `built from r\.URL, .*name it after the route, e\.g\. r\.Pattern, and record the URL as url\.full`
	defer span.End()
}

func outgoing(ctx context.Context, req *http.Request) {
	_, span := tracer.Start(ctx, "GET "+req.URL.Path, trace.WithSpanKind(trace.SpanKindClient)) // want `built from req\.URL\.Path, .*name it after the method \(and a URL template, if there is one\) and record the URL as url\.full`
	defer span.End()
}

type uuid [16]byte

func (uuid) String() string { return "" }

func stringer(ctx context.Context, orderID uuid) {
	_, span := tracer.Start(ctx, "order "+orderID.String()) // want `built from orderID, `
	defer span.End()
}

// Names built by functions of the package: their results are followed,
// with their parameters replaced by the arguments.
func nameOf(r *http.Request) string { return r.Method + " " + r.URL.Path }

func viaFunction(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), nameOf(r)) // want `built from r\.URL\.Path, `
	defer span.End()
}

func sessionKey(r *http.Request) string { return r.Header.Get("X-Session") }

func cacheGet(w http.ResponseWriter, r *http.Request) {
	key := sessionKey(r)
	_, span := tracer.Start(r.Context(), "cache.get "+key) // want `built from key \(from r\.Header\.Get\("X-Session"\)\), .*record key as an attribute`
	defer span.End()
}

func label(prefix, v string) string { return prefix + ":" + v }

func viaParams(w http.ResponseWriter, r *http.Request) {
	_, s1 := tracer.Start(r.Context(), label("route", r.Pattern))
	defer s1.End()
	_, s2 := tracer.Start(r.Context(), label("path", r.RequestURI)) // want `built from r\.RequestURI, `
	defer s2.End()
}
