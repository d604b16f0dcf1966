// Command setelsewhere sets the propagator in a function that main does
// not visibly call (it is registered by name elsewhere): any setter in the
// program counts, so the rule stays silent when in doubt.
package main

import (
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/testdata/propagator/lib/httpx"
)

var hooks = map[string]func(){"propagation": setPropagation}

func setPropagation() { otel.SetTextMapPropagator(propagation.TraceContext{}) }

func main() {
	otel.SetTracerProvider(sdktrace.NewTracerProvider())
	for _, h := range hooks {
		h()
	}
	http.ListenAndServe(":8080", httpx.Handler(http.NotFoundHandler()))
}
