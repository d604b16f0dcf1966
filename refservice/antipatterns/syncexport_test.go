package antipatterns

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// slowExporter stands for a slow or distant collector: every export takes
// delay.
type slowExporter struct{ delay time.Duration }

func (e slowExporter) ExportSpans(ctx context.Context, _ []sdktrace.ReadOnlySpan) error {
	select {
	case <-time.After(e.delay):
	case <-ctx.Done():
	}
	return nil
}

func (slowExporter) Shutdown(context.Context) error { return nil }

// TestSyncExportLatency shows the consequence of the syncexport
// anti-pattern: with WithSyncer, each request takes at least the export
// time of its span; with WithBatcher, on the same exporter, it does not.
func TestSyncExportLatency(t *testing.T) {
	const delay = 200 * time.Millisecond
	exp := slowExporter{delay: delay}
	serve := func(tp *sdktrace.TracerProvider) time.Duration {
		h := &Handlers{Tracer: tp.Tracer("antipatterns")}
		start := time.Now()
		rec := httptest.NewRecorder()
		h.Mux().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/syncexport", nil))
		took := time.Since(start)
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d", rec.Code)
		}
		return took
	}

	sync := SyncExportProvider(exp)
	defer sync.Shutdown(context.Background())
	if took := serve(sync); took < delay {
		t.Errorf("with WithSyncer the request took %v, less than the export's %v", took, delay)
	}

	batched := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	defer batched.Shutdown(context.Background())
	if took := serve(batched); took >= delay/2 {
		t.Errorf("with WithBatcher the request took %v; the export should not be on its path", took)
	}
}
