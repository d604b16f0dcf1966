// Package otelhttp covers the span names of the net/http instrumentation:
// the operation of NewHandler and NewMiddleware and the results of a span
// name formatter.
package otelhttp

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func routes(mux *http.ServeMux, h http.Handler) {
	mux.Handle("/api/", otelhttp.NewHandler(h, "api"))
	for _, p := range []string{"/a", "/b"} {
		mux.Handle(p, otelhttp.NewHandler(h, p))
	}
	mux.Handle("/r/", otelhttp.NewHandler(h, "server",
		otelhttp.WithSpanNameFormatter(func(operation string, r *http.Request) string {
			return r.Method + " " + r.Pattern
		})))
	mux.Handle("/o/", otelhttp.NewHandler(h, "server",
		otelhttp.WithSpanNameFormatter(func(operation string, r *http.Request) string {
			if r.Pattern == "" {
				return operation
			}
			return operation + " " + r.Pattern
		})))
}

func badFormatter(mux *http.ServeMux, h http.Handler) {
	mux.Handle("/", otelhttp.NewHandler(h, "server",
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string {
			return r.Method + " " + r.URL.Path // want `span name is built from r\.URL\.Path, .*e\.g\. r\.Pattern, and record the path as url\.path`
		})))
	mux.Handle("/x", otelhttp.NewHandler(h, "x", otelhttp.WithSpanNameFormatter(fullURL)))
}

func fullURL(operation string, r *http.Request) string {
	return operation + " " + r.URL.String() // want `span name is built from r\.URL\.String\(\), `
}

func middleware(h http.Handler, tenantID string) http.Handler {
	return otelhttp.NewMiddleware("tenant " + tenantID)(h) // want `span name is built from tenantID, `
}

// wrap passes its route on as the operation: its callers are checked.
func wrap(h http.Handler, route string) http.Handler { // want wrap:"namesSpan\\(1\\)"
	return otelhttp.NewHandler(h, route)
}

func useWrap(h http.Handler, userID string) {
	http.Handle("/users/", wrap(h, "/users/{id}"))
	http.Handle("/me", wrap(h, "/users/"+userID)) // want `span name passed to wrap is built from userID, `
}

// A client has no route: the advice is the method and url.full.
func client() *http.Client {
	return &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport,
		otelhttp.WithSpanNameFormatter(func(_ string, req *http.Request) string {
			return req.Method + " " + req.URL.Path // want `built from req\.URL\.Path, which has unbounded values \(backends cannot group such spans; name it after the method \(and a URL template, if there is one\) and record the URL as url\.full\)`
		}))}
}

// Options in a slice: the formatter may name server or client spans.
var traceOpts = []otelhttp.Option{
	otelhttp.WithSpanNameFormatter(func(_ string, req *http.Request) string {
		return req.Method + " " + req.URL.Path // want `built from req\.URL\.Path, .*name it after the route template \(req\.Pattern in a server, the method in a client\) and record the path as url\.path`
	}),
}
