package antipatterns

import (
	"io"
	"net/http"
	"time"
)

// Uninstrumented is the uninstrumented anti-pattern: the handler passes
// the request's context on, but sends the backend call through a client of
// its own whose Transport is not otelhttp's. Nothing writes the trace
// context into the request: the backend receives no traceparent and starts
// a new trace, so the request's trace stops at this service. The fix:
// Transport: otelhttp.NewTransport(http.DefaultTransport), or h.Client.
func (h *Handlers) Uninstrumented(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Timeout: 5 * time.Second}
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, h.Backend, nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	resp, err := client.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}
