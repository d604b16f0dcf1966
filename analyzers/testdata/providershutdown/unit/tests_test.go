package unit

import (
	"context"

	"go.opentelemetry.io/otel"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

// A syncer or a recorder buffers nothing: nothing is lost.
func TestSyncer(t *testing.T) {
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	_, span := tp.Tracer("t").Start(context.Background(), "x")
	span.End()
}

func TestRecorder(t *testing.T) {
	sr := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(sr))
	_ = tp
}

func TestCleanup(t *testing.T) {
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(tracetest.NewInMemoryExporter()))
	t.Cleanup(func() { _ = tp.Shutdown(context.Background()) })
}

// A batcher in a test: the spans still queued when it ends are lost.
func TestBatcher(t *testing.T) {
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(tracetest.NewInMemoryExporter())) // want `tracer provider from sdktrace.NewTracerProvider is never shut down`
	_ = tp.Tracer("t")
}

// A provider made in init lives as long as the test binary (go-kratos's
// metrics tests).
func init() {
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewPeriodicReader(nil)))
	otel.SetMeterProvider(mp)
}
