// want package:"setsPropagator"

// Package propset sets the global propagator in its init, as some
// company tracing libraries do: a program that links it sets one.
package propset

import (
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

func init() {
	otel.SetTextMapPropagator(propagation.TraceContext{})
}
