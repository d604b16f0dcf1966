// Command getter injects trace context by hand through the global
// propagator, which is never set: reported.
package main

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	otel.SetTracerProvider(sdktrace.NewTracerProvider()) // want `the program installs a tracer provider but sets no text-map propagator`
	req, _ := http.NewRequest(http.MethodGet, "http://backend", nil)
	otel.GetTextMapPropagator().Inject(context.Background(), propagation.HeaderCarrier(req.Header))
}
