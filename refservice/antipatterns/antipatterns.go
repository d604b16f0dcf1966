// Package antipatterns holds one small handler per otellint rule that
// makes that rule's mistake on purpose. Each has a test that shows what the
// mistake costs at run time, and testdata/findings.golden holds otellint's
// findings on this package: each anti-pattern flagged by its own rule and
// nothing else. The rest of the reference service lints clean.
package antipatterns

import (
	"net/http"

	"go.opentelemetry.io/otel/trace"
)

// Handlers are the anti-pattern handlers.
type Handlers struct {
	Tracer trace.Tracer
	// Client and Backend are what the blockinghandler and propagator
	// anti-patterns call: an instrumented client (otelhttp transport) and
	// the backend's URL. The uninstrumented anti-pattern calls Backend
	// through a plain client of its own.
	Client  *http.Client
	Backend string
}

// Mux routes to every anti-pattern handler.
func (h *Handlers) Mux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /spanend", h.SpanEnd)
	mux.HandleFunc("GET /spanerror", h.SpanError)
	mux.HandleFunc("GET /goctx", h.GoCtx)
	mux.HandleFunc("GET /spanctx", h.SpanCtx)
	mux.HandleFunc("GET /blockinghandler", h.BlockingHandler)
	mux.HandleFunc("GET /attrkey", h.AttrKey)
	mux.HandleFunc("GET /syncexport", h.SyncExport)
	mux.HandleFunc("GET /propagator", h.Propagate)
	mux.HandleFunc("GET /spanname/{id}", h.SpanName)
	mux.HandleFunc("POST /sensitiveattr", h.SensitiveAttr)
	mux.HandleFunc("GET /uninstrumented", h.Uninstrumented)
	return mux
}
