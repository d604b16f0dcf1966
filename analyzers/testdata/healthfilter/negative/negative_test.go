package negative

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func TestProbeTraced(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", healthz)
	h := otelhttp.NewHandler(mux, "test")
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/healthz", nil))
}
