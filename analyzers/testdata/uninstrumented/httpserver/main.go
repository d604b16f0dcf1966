package main

import (
	"io"
	"net/http"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	tp := sdktrace.NewTracerProvider()
	defer tp.Shutdown(nil)
	otel.SetTracerProvider(tp)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello", hello)
	mux.HandleFunc("GET /bye", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "bye") })
	http.ListenAndServe(":8080", mux) // want `http\.ListenAndServe serves a handler that nothing wraps with otelhttp while the program installs a tracer provider: the service starts no server spans and drops its callers' trace context \(wrap it in otelhttp\.NewHandler\)`
}

func hello(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hello") }

// A handler registered with Handle and a mux from another function are
// followed when they are built in this package.
func more() {
	mux := http.NewServeMux()
	mux.Handle("GET /api", api())
	go http.ListenAndServe(":8081", mux)                   // want `http\.ListenAndServe serves a handler that nothing wraps with otelhttp`
	http.ListenAndServe(":8082", routes())                 // want `http\.ListenAndServe serves a handler that nothing wraps with otelhttp`
	http.ListenAndServe(":8083", logged[string](routes())) // want `http\.ListenAndServe serves a handler that nothing wraps with otelhttp`
}

// logged is a generic middleware.
func logged[T any](next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
}

func api() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "api") })
}

func routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders", hello)
	return mux
}

// The name otelhttp is taken where the fix goes: the fix must not use it.
func taken() {
	otelhttp := "a local, not the package"
	_ = otelhttp
	mux := http.NewServeMux()
	mux.HandleFunc("/", hello)
	http.ListenAndServe(":8084", mux) // want `http\.ListenAndServe serves a handler that nothing wraps with otelhttp`
}
