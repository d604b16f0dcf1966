package antipatterns

import (
	"net/http"
)

// SpanEnd is the spanend anti-pattern: the early return for a missing id
// skips the span's End. That span is never exported (its trace has a hole
// where it should be, and any child points at a parent the backend never
// receives) and it stays in memory.
func (h *Handlers) SpanEnd(w http.ResponseWriter, r *http.Request) {
	_, span := h.Tracer.Start(r.Context(), "lookup")
	id := r.URL.Query().Get("id")
	if id == "" {
		http.Error(w, "missing id", http.StatusBadRequest)
		return // leaks the span
	}
	defer span.End()
	w.Write([]byte("found " + id))
}
