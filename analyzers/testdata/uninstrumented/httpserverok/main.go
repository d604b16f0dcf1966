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

	// A handler registered with Handle (it may be wrapped), a mux from
	// elsewhere, the default mux: not seen, not reported.
	mux := http.NewServeMux()
	mux.Handle("GET /api", api())
	go http.ListenAndServe(":8080", mux)
	go http.ListenAndServe(":8081", routes())
	http.ListenAndServe(":8082", nil)
}

func api() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "api") })
}

func routes() *http.ServeMux { return http.NewServeMux() }
