package antipatterns

import (
	"context"
	"net/http"
	"sync"
)

// Audits is where the goctx anti-pattern's background work reports back,
// so its test can wait for it.
var Audits sync.WaitGroup

// GoCtx is the goctx anti-pattern: the handler hands work to a goroutine
// that starts from context.Background() instead of the request's context,
// so the audit span it starts is the root of a new trace, an orphan, and
// the request's trace never shows it.
func (h *Handlers) GoCtx(w http.ResponseWriter, r *http.Request) {
	ctx, span := h.Tracer.Start(r.Context(), "handle")
	defer span.End()
	Audits.Add(1)
	go func() {
		defer Audits.Done()
		h.audit(context.Background(), r.URL.Path)
	}()
	_ = ctx
	w.Write([]byte("ok"))
}

func (h *Handlers) audit(ctx context.Context, path string) {
	_, span := h.Tracer.Start(ctx, "audit")
	defer span.End()
	_ = path
}
