package tests

import (
	"context"
	"testing"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

var tracer = noop.NewTracerProvider().Tracer("tests")

func lookup(ctx context.Context) error { return nil }

// Silent: the span is dropped with _ in a test that uses a no-op provider.
func TestLookup(t *testing.T) {
	ctx, _ := tracer.Start(context.Background(), "lookup")
	if err := lookup(ctx); err != nil {
		t.Fatal(err)
	}
}

// Silent: a discarded span in a benchmark.
func BenchmarkStart(b *testing.B) {
	for range b.N {
		tracer.Start(context.Background(), "bench")
	}
}

// Silent: a span the test never ends, left open on purpose to check that
// it is not exported.
func TestUnended(t *testing.T) {
	_, span := otel.Tracer("t").Start(context.Background(), "open")
	if !span.SpanContext().IsValid() {
		t.Skip("no SDK")
	}
}

// Silent: defer in a loop of a test; the spans end with the test.
func TestMany(t *testing.T) {
	for i := range 3 {
		_, span := tracer.Start(context.Background(), "many")
		defer span.End()
		_ = i
	}
}

// The test ends its span, but not on the early return: a leak in the
// test's own logic.
func TestEarlyReturn(t *testing.T) {
	ctx, span := otel.Tracer("t").Start(context.Background(), "early") // want `span "early" is not ended on all paths`
	if testing.Short() {
		return
	}
	_ = lookup(ctx)
	span.End()
}

// Silent: a subtest closure is test code too.
func TestSub(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		_, _ = tracer.Start(context.Background(), "sub")
	})
}

// helper has no testing parameter but lives in a _test.go file: test code.
func helper(ctx context.Context, t trace.Tracer) {
	t.Start(ctx, "helper")
}
