package antipatterns

import (
	"fmt"
	"net/http"
	"strings"

	"go.opentelemetry.io/otel/attribute"
)

// subscriber is the user the sensitiveattr anti-pattern signs up.
type subscriber struct {
	ID    int
	Email string
}

// SensitiveAttr is the sensitiveattr anti-pattern: it records the new
// subscriber's e-mail address on its span, as the tutorial this project
// grew from does. The address is exported with the span, to everyone who
// can read the tracing backend, and kept for its retention; the
// subscriber's ID would have identified the span just as well.
func (h *Handlers) SensitiveAttr(w http.ResponseWriter, r *http.Request) {
	_, span := h.Tracer.Start(r.Context(), "subscribe")
	defer span.End()
	s := subscriber{ID: 7, Email: strings.TrimSpace(r.FormValue("email"))}
	span.SetAttributes(attribute.Int("subscriber.id", s.ID), attribute.String("user.email", s.Email))
	fmt.Fprintf(w, "subscribed %d\n", s.ID)
}
