// Package negative holds the idioms syncexport stays silent on: batching,
// in-memory exporters (by type, also through a SpanExporter variable),
// a SpanRecorder (itself a processor), test helpers that take a testing
// type, and _test.go files (negative_test.go).
package negative

import (
	"context"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

type collector struct{}

func (collector) ExportSpans(context.Context, []sdktrace.ReadOnlySpan) error { return nil }
func (collector) Shutdown(context.Context) error                             { return nil }

// Batched is the production setup.
func Batched() *sdktrace.TracerProvider {
	return sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(collector{}),
		sdktrace.WithSpanProcessor(sdktrace.NewBatchSpanProcessor(collector{})),
	)
}

// InMemory exports synchronously to memory: nothing to wait for.
func InMemory() (*sdktrace.TracerProvider, *tracetest.InMemoryExporter) {
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	tp.RegisterSpanProcessor(sdktrace.NewSimpleSpanProcessor(tracetest.NewInMemoryExporter()))
	return tp, exp
}

// InMemoryInterface holds the in-memory exporter in a SpanExporter.
func InMemoryInterface() *sdktrace.TracerProvider {
	var exp sdktrace.SpanExporter
	exp = tracetest.NewInMemoryExporter()
	return sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
}

// Recorder: a SpanRecorder is a processor; it is registered as one.
func Recorder() (*sdktrace.TracerProvider, *tracetest.SpanRecorder) {
	sr := tracetest.NewSpanRecorder()
	return sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(sr)), sr
}

// NewTestProvider is a test helper in a production package: it takes a
// testing.TB.
func NewTestProvider(tb testing.TB, exp sdktrace.SpanExporter) *sdktrace.TracerProvider {
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	tb.Cleanup(func() { tp.Shutdown(context.Background()) })
	return tp
}

// Subtests: a function literal that takes a *testing.T.
var Subtests = func(t *testing.T) {
	_ = sdktrace.NewTracerProvider(sdktrace.WithSyncer(collector{}))
}

// ValueOnly names WithSyncer without calling it: nothing is exported yet.
var ValueOnly = sdktrace.WithSyncer
