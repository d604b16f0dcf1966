package antipatterns

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"go.opentelemetry.io/otel/attribute"
)

// TestAttrKeyDeprecated shows the consequence of the attrkey anti-pattern:
// the exported span carries the method under the deprecated http.method
// and lacks the http.request.method that current dashboards query.
func TestAttrKeyDeprecated(t *testing.T) {
	h, exp, _ := setup()
	h.Mux().ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/attrkey", nil))
	spans := exp.GetSpans()
	if len(spans) != 1 {
		t.Fatalf("%d spans exported, want 1", len(spans))
	}
	got := map[attribute.Key]string{}
	for _, kv := range spans[0].Attributes {
		got[kv.Key] = kv.Value.Emit()
	}
	if got["http.method"] != "GET" {
		t.Errorf("the span does not carry http.method=GET: %v", got)
	}
	if v, ok := got["http.request.method"]; ok {
		t.Errorf("the span carries http.request.method=%s: dashboards would find it", v)
	}
}
