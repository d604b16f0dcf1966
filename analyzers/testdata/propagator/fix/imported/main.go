// Command imported already imports the propagation package, under another
// name, and the otel package as global: the fix uses both names.
package main

import (
	"context"
	"net/http"

	global "go.opentelemetry.io/otel"
	prop "go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// setupTracing is main's own helper: the finding is at its
// SetTracerProvider, where the fix goes.
func setupTracing() {
	if true {
		global.SetTracerProvider(sdktrace.NewTracerProvider()) // want `the program installs a tracer provider but sets no text-map propagator`
	}
}

func main() {
	setupTracing()
	req, _ := http.NewRequest(http.MethodGet, "http://backend", nil)
	global.GetTextMapPropagator().Inject(context.Background(), prop.HeaderCarrier(req.Header))
}
