package antipatterns

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestSensitiveAttrExportsEmail shows the consequence of the sensitiveattr
// anti-pattern: the address the client sent is in the exported span's
// attributes, for the tracing backend to store and show.
func TestSensitiveAttrExportsEmail(t *testing.T) {
	h, exp, _ := setup()
	const addr = "ada@example.com"
	req := httptest.NewRequest(http.MethodPost, "/sensitiveattr", strings.NewReader(url.Values{"email": {addr}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.Mux().ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	spans := exp.GetSpans()
	if len(spans) != 1 {
		t.Fatalf("%d spans, want the subscribe span", len(spans))
	}
	var leaked bool
	for _, kv := range spans[0].Attributes {
		if kv.Value.Emit() == addr {
			leaked = true
			if kv.Key != "user.email" {
				t.Errorf("the address is under %q, want user.email", kv.Key)
			}
		}
	}
	if !leaked {
		t.Errorf("attributes %v: the anti-pattern should export the address", spans[0].Attributes)
	}
}
