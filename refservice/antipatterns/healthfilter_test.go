package antipatterns

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp/filters"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

// TestHealthFilterProbeSpans shows the consequence of the healthfilter
// anti-pattern: N probe requests export N spans, one trace each, next to
// the one span of a real request. With the filter the rule suggests, the
// probes export nothing and the real request is still traced.
func TestHealthFilterProbeSpans(t *testing.T) {
	const probes = 10
	serve := func(h http.Handler) {
		for range probes {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
			if rec.Code != http.StatusOK {
				t.Fatalf("probe: status %d", rec.Code)
			}
		}
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/orders", nil))
	}

	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	serve(ProbedService(tp))
	spans := exp.GetSpans()
	if len(spans) != probes+1 {
		t.Fatalf("%d spans exported for %d probes and one request, want %d", len(spans), probes, probes+1)
	}
	traces := map[string]bool{}
	for _, s := range spans {
		traces[s.SpanContext.TraceID().String()] = true
	}
	if len(traces) != probes+1 {
		t.Errorf("%d traces, want one per request (%d)", len(traces), probes+1)
	}

	filtered := tracetest.NewInMemoryExporter()
	ftp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(filtered))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.HandleFunc("GET /orders", func(http.ResponseWriter, *http.Request) {})
	serve(otelhttp.NewHandler(mux, "orders", otelhttp.WithTracerProvider(ftp),
		otelhttp.WithFilter(filters.Not(filters.Path("/healthz")))))
	if got := len(filtered.GetSpans()); got != 1 {
		t.Errorf("with the filter: %d spans exported, want 1 (the real request)", got)
	}
}
