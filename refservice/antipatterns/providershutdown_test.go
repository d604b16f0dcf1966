package antipatterns

import (
	"context"
	"testing"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

// keepingExporter keeps what it is given, also after Shutdown (the
// in-memory exporter forgets its spans when shut down).
type keepingExporter struct {
	tracetest.InMemoryExporter
}

func (e *keepingExporter) Shutdown(context.Context) error { return nil }

func (e *keepingExporter) count() int { return len(e.GetSpans()) }

// TestProviderShutdownLoss shows the consequence of the providershutdown
// anti-pattern: the batch job's spans are still queued when it returns,
// and never reach the exporter; the same job with a Shutdown at the end
// exports every one.
func TestProviderShutdownLoss(t *testing.T) {
	ctx := context.Background()
	items := []string{"a", "b", "c"}

	exp := &keepingExporter{}
	if got := BatchJob(ctx, exp, items); got != len(items) {
		t.Fatalf("BatchJob did %d items", got)
	}
	if got := exp.count(); got != 0 {
		t.Errorf("without Shutdown, %d spans were exported before the job ended, want 0 (queued, then lost)", got)
	}

	// The same job, shut down properly.
	exp = &keepingExporter{}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	tracer := tp.Tracer("batchjob")
	for range items {
		_, span := tracer.Start(ctx, "item")
		span.End()
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := tp.Shutdown(sctx); err != nil {
		t.Fatal(err)
	}
	if got := exp.count(); got != len(items) {
		t.Errorf("with Shutdown, %d spans exported, want %d", got, len(items))
	}
}
