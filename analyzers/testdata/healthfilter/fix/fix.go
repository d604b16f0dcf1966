package fix

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func healthz(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }

func Server() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", healthz)
	return otelhttp.NewHandler(mux, "server") // want `traces the health-check route "/healthz"`
}

func Two() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/livez", healthz)
	mux.HandleFunc("/readyz", healthz)
	return otelhttp.NewMiddleware("server", // want `otelhttp.NewMiddleware traces the health-check route "/livez", "/readyz"`
		otelhttp.WithServerName("orders"),
	)(mux)
}
