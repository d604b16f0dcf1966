package antipatterns

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/trace"
)

// ProbedService is the healthfilter anti-pattern: a service's whole
// router, its Kubernetes probe /healthz included, wrapped by otelhttp
// without a filter. Every probe, every few seconds from every replica,
// becomes a trace of its own.
func ProbedService(tp trace.TracerProvider) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("GET /orders", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("[]"))
	})
	return otelhttp.NewHandler(mux, "orders", otelhttp.WithTracerProvider(tp))
}
