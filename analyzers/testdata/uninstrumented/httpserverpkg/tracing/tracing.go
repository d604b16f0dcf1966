// Package tracing installs the global tracer provider for a program.
package tracing

import (
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Init installs the tracer provider.
func Init() func() { // want Init:`installsProvider`
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	return func() { tp.Shutdown(nil) }
}

// Setup installs it through Init.
func Setup() { // want Setup:`installsProvider`
	Init()
}
