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
