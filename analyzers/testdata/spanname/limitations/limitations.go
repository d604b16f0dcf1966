// Package limitations holds known misses of spanname: each is silent.
package limitations

import (
	"context"
	"net/http"
	"strings"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("limitations")

// false negative: the name is built by a function whose body the rule does
// not follow.
func nameOf(r *http.Request) string { return r.Method + " " + r.URL.Path }

func viaFunction(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), nameOf(r))
	defer span.End()
}

// false negative: a variable whose name says nothing about its unbounded
// values, from a function the rule does not follow. (Passed in from a
// caller, the header would be reported there.)
func sessionKey(r *http.Request) string { return r.Header.Get("X-Session") }

func cacheGet(w http.ResponseWriter, r *http.Request) {
	key := sessionKey(r)
	_, span := tracer.Start(r.Context(), "cache.get "+key)
	defer span.End()
}

// false negative: a slice whose elements the rule cannot see, joined.
func joined(ctx context.Context, parts []string) {
	_, span := tracer.Start(ctx, strings.Join(parts, "/"))
	defer span.End()
}

// false negative: a name passed on through a struct field.
type op struct{ name string }

func run(ctx context.Context, o op) {
	_, span := tracer.Start(ctx, o.name)
	defer span.End()
}

func useOp(ctx context.Context, r *http.Request) {
	run(ctx, op{name: r.URL.Path})
}
