package antipatterns

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
)

// TestSpanNamePerPath shows the consequence of the spanname anti-pattern:
// two requests to the same route export two spans with two different
// names, one per account, where the route template names both alike.
func TestSpanNamePerPath(t *testing.T) {
	h, exp, _ := setup()

	var patterns []string
	for _, path := range []string{"/spanname/1", "/spanname/2"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		h.Mux().ServeHTTP(httptest.NewRecorder(), req)
		patterns = append(patterns, req.Pattern)
	}
	var names []string
	for _, s := range exp.GetSpans() {
		names = append(names, s.Name)
	}
	if want := []string{"/spanname/1", "/spanname/2"}; !slices.Equal(names, want) {
		t.Fatalf("exported span names %q, want one per request path %q", names, want)
	}
	if want := []string{"GET /spanname/{id}", "GET /spanname/{id}"}; !slices.Equal(patterns, want) {
		t.Errorf("the requests matched routes %q, want both %q", patterns, want[0])
	}
}
