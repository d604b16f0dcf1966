package antipatterns

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestSpanCtxSibling shows the consequence of the spanctx anti-pattern: the
// load span is not a child of the handle span.
func TestSpanCtxSibling(t *testing.T) {
	h, exp, _ := setup()
	h.Mux().ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/spanctx", nil))
	spans := exp.GetSpans()
	if len(spans) != 2 {
		t.Fatalf("%d spans, want handle and load", len(spans))
	}
	byName := map[string]int{}
	for i, s := range spans {
		byName[s.Name] = i
	}
	handle, load := spans[byName["handle"]], spans[byName["load"]]
	if load.Parent.SpanID() == handle.SpanContext.SpanID() {
		t.Errorf("load is a child of handle; the anti-pattern should make it a sibling")
	}
}
