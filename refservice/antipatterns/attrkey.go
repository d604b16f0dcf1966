package antipatterns

import (
	"net/http"

	"go.opentelemetry.io/otel/attribute"
)

// AttrKey is the attrkey anti-pattern: it records the request method under
// http.method, the key the semantic conventions replaced with
// http.request.method. The span carries the method, but dashboards,
// alerts and backends that follow the current conventions query
// http.request.method and never find it.
func (h *Handlers) AttrKey(w http.ResponseWriter, r *http.Request) {
	_, span := h.Tracer.Start(r.Context(), "orders")
	defer span.End()
	span.SetAttributes(attribute.String("http.method", r.Method))
	w.Write([]byte("ok"))
}
