// Package setup builds and owns providers for its callers. // want package:"providerParams"
package setup

import (
	"context"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Init builds the provider and installs it; the caller shuts it down.
func Init() (*sdktrace.TracerProvider, error) { // want Init:"returnsProvider\\(0\\)"
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	return tp, nil
}

// Own takes charge of tp: Close shuts it down.
func Own(tp *sdktrace.TracerProvider) { // want Own:"takesProvider\\(0\\)"
	owned = append(owned, tp)
}

// Use only installs it.
func Use(tp *sdktrace.TracerProvider) {
	otel.SetTracerProvider(tp)
}

var owned []*sdktrace.TracerProvider

// Close shuts down every provider Own took.
func Close(ctx context.Context) {
	for _, tp := range owned {
		_ = tp.Shutdown(ctx)
	}
}
