package antipatterns

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestGoCtxOrphan shows the consequence of the goctx anti-pattern: the
// audit span lands in a different trace from the request's span.
func TestGoCtxOrphan(t *testing.T) {
	h, exp, _ := setup()
	h.Mux().ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/goctx", nil))
	Audits.Wait()
	spans := exp.GetSpans()
	if len(spans) != 2 {
		t.Fatalf("%d spans, want handle and audit", len(spans))
	}
	byName := map[string]int{}
	for i, s := range spans {
		byName[s.Name] = i
	}
	handle, audit := spans[byName["handle"]], spans[byName["audit"]]
	if handle.SpanContext.TraceID() == audit.SpanContext.TraceID() {
		t.Errorf("audit joined the request's trace; the anti-pattern should orphan it")
	}
	if audit.Parent.IsValid() {
		t.Errorf("audit has a parent %v; it should be a new root", audit.Parent.SpanID())
	}
}
