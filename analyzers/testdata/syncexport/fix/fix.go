// Package fix covers the suggested fixes: WithSyncer becomes WithBatcher,
// NewSimpleSpanProcessor becomes NewBatchSpanProcessor, on the same
// exporter, also through a dot import.
package fix

import (
	"context"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

type collector struct{}

func (collector) ExportSpans(context.Context, []sdktrace.ReadOnlySpan) error { return nil }
func (collector) Shutdown(context.Context) error                             { return nil }

func Setup() *sdktrace.TracerProvider {
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithSyncer(collector{}), // want `sdktrace.WithSyncer exports every span`
	)
	tp.RegisterSpanProcessor((sdktrace.NewSimpleSpanProcessor)(collector{})) // want `sdktrace.NewSimpleSpanProcessor exports every span`
	return tp
}
