// Command set is the right setup: provider and propagator.
package main

import (
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/testdata/propagator/lib/httpx"
	"example.com/testdata/propagator/lib/telemetry"
)

func main() {
	telemetry.Setup()
	otel.SetTracerProvider(sdktrace.NewTracerProvider())
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
	http.ListenAndServe(":8080", httpx.Handler(http.NotFoundHandler()))
}
