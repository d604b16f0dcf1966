// Package testutil is test support, told by its import path: it exports
// synchronously so tests see spans at once.
package testutil

import (
	"context"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

type Exporter struct{ Spans []sdktrace.ReadOnlySpan }

func (e *Exporter) ExportSpans(_ context.Context, s []sdktrace.ReadOnlySpan) error {
	e.Spans = append(e.Spans, s...)
	return nil
}
func (e *Exporter) Shutdown(context.Context) error { return nil }

func Provider() (*sdktrace.TracerProvider, *Exporter) {
	e := new(Exporter)
	return sdktrace.NewTracerProvider(sdktrace.WithSyncer(e)), e
}
