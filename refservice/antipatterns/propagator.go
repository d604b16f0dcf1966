package antipatterns

import (
	"io"
	"net/http"
)

// Propagate calls the backend the right way, with the request's context
// and the instrumented client. It is the handler of the propagator
// anti-pattern, whose mistake is in the program's setup
// (cmd/nopropagator): the tracer provider is installed but no text-map
// propagator is, so the otelhttp transport sends no traceparent and the
// backend starts a trace of its own. The fix, in main:
// otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(
// propagation.TraceContext{}, propagation.Baggage{})).
func (h *Handlers) Propagate(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, h.Backend, nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	resp, err := h.Client.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}
