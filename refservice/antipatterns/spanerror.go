package antipatterns

import (
	"context"
	"errors"
	"net/http"
)

// SpanError is the spanerror anti-pattern: charge records its failure as an
// exception event but never sets the span's status, so the exported span
// says Unset and every backend shows the failed charge as OK.
func (h *Handlers) SpanError(w http.ResponseWriter, r *http.Request) {
	if err := h.charge(r.Context(), r.URL.Query().Get("amount")); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Write([]byte("charged"))
}

var errNoAmount = errors.New("no amount given")

func (h *Handlers) charge(ctx context.Context, amount string) error {
	_, span := h.Tracer.Start(ctx, "charge")
	defer span.End()
	if amount == "" {
		span.RecordError(errNoAmount)
		return errNoAmount // the status stays Unset
	}
	return nil
}
