package antipatterns

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"go.opentelemetry.io/otel/codes"
)

// TestSpanErrorShowsOK shows the consequence of the spanerror anti-pattern:
// the failed charge is exported with an exception event but status Unset,
// which backends display as a success.
func TestSpanErrorShowsOK(t *testing.T) {
	h, exp, _ := setup()
	rec := httptest.NewRecorder()
	h.Mux().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/spanerror", nil))
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("status %d, want the failure", rec.Code)
	}
	spans := exp.GetSpans()
	if len(spans) != 1 {
		t.Fatalf("%d spans, want the charge span", len(spans))
	}
	s := spans[0]
	if len(s.Events) != 1 || s.Events[0].Name != "exception" {
		t.Errorf("events %v, want the recorded exception", s.Events)
	}
	if s.Status.Code != codes.Unset {
		t.Errorf("status %v: the anti-pattern should leave it Unset", s.Status.Code)
	}
}
