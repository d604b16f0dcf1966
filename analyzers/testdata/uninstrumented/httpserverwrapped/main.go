// A program that imports otelhttp: its handlers may be wrapped anywhere
// (per route, in a helper): not reported.
package main

import (
	"io"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	tp := sdktrace.NewTracerProvider()
	defer tp.Shutdown(nil)
	otel.SetTracerProvider(tp)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello", hello)
	http.ListenAndServe(":8080", mux)
}

func hello(w http.ResponseWriter, r *http.Request) {
	otelhttp.NewHandler(http.NotFoundHandler(), "nested").ServeHTTP(w, r)
	io.WriteString(w, "hello")
}
