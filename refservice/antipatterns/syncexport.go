package antipatterns

import (
	"net/http"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// SyncExportProvider is the syncexport anti-pattern's setup: a tracer
// provider that exports each span synchronously, inside span.End. The fix:
// sdktrace.WithBatcher(exp), which queues the span and exports it in the
// background.
func SyncExportProvider(exp sdktrace.SpanExporter) *sdktrace.TracerProvider {
	return sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
}

// SyncExport is a handler traced through such a provider: ending its span
// calls the exporter on the request's goroutine, so every request waits
// for the collector, and a slow collector makes every request slow.
func (h *Handlers) SyncExport(w http.ResponseWriter, r *http.Request) {
	_, span := h.Tracer.Start(r.Context(), "handle")
	w.Write([]byte("ok"))
	span.End() // exports here, before the handler returns
}
