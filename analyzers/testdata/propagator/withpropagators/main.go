// Command withpropagators gives one handler its own propagator: the rest
// of its instrumentation (the client transport) still uses the no-op
// global one: reported.
package main

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var client = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}

func main() {
	otel.SetTracerProvider(sdktrace.NewTracerProvider()) // want `the program installs a tracer provider but sets no text-map propagator`
	h := otelhttp.NewHandler(http.NotFoundHandler(), "server", otelhttp.WithPropagators(propagation.TraceContext{}))
	http.ListenAndServe(":8080", h)
}
