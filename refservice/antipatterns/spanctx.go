package antipatterns

import (
	"context"
	"net/http"
)

// SpanCtx is the spanctx anti-pattern: the context returned by Start is
// thrown away and the request's context is passed on, so the "load" span
// becomes a sibling of "handle" instead of its child.
func (h *Handlers) SpanCtx(w http.ResponseWriter, r *http.Request) {
	_, span := h.Tracer.Start(r.Context(), "handle")
	defer span.End()
	h.load(r.Context())
	w.Write([]byte("ok"))
}

func (h *Handlers) load(ctx context.Context) {
	_, span := h.Tracer.Start(ctx, "load")
	defer span.End()
}
