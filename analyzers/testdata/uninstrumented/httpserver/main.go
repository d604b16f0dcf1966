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
