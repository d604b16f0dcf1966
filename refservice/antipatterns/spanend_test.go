package antipatterns

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/otellint/otellint/refservice/internal/spantrack"
)

func setup() (*Handlers, *tracetest.InMemoryExporter, *spantrack.Tracker) {
	exp := tracetest.NewInMemoryExporter()
	tracker := spantrack.New()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(tracker), sdktrace.WithSyncer(exp))
	return &Handlers{Tracer: tp.Tracer("antipatterns")}, exp, tracker
}

// TestSpanEndLeak shows the consequence of the spanend anti-pattern: on the
// early-return path the "lookup" span is never exported and stays open.
func TestSpanEndLeak(t *testing.T) {
	h, exp, tracker := setup()

	h.Mux().ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/spanend?id=7", nil))
	if got := len(exp.GetSpans()); got != 1 {
		t.Fatalf("with an id: %d spans exported, want 1", got)
	}

	rec := httptest.NewRecorder()
	h.Mux().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/spanend", nil))
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("status %d", rec.Code)
	}
	if got := len(exp.GetSpans()); got != 1 {
		t.Errorf("the leaked span was exported: %d spans", got)
	}
	if open := tracker.Open(); !slices.Equal(open, []string{"lookup"}) {
		t.Errorf("open spans %v, want the leaked lookup span", open)
	}
}
