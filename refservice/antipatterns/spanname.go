package antipatterns

import (
	"net/http"
)

// SpanName is the spanname anti-pattern: the span is named after the raw
// request path, so every account gets a span name of its own. Backends
// group, sample and alert on spans by name: these never form a group, and
// the number of names grows with the number of accounts. The route
// template, r.Pattern, would name them all alike.
func (h *Handlers) SpanName(w http.ResponseWriter, r *http.Request) {
	_, span := h.Tracer.Start(r.Context(), r.URL.Path)
	defer span.End()
	w.Write([]byte("account " + r.PathValue("id")))
}
