package basic

import (
	"net/http"

	"github.com/gorilla/mux"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func healthz(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }
func orders(w http.ResponseWriter, _ *http.Request)  {}

// The common shape: one mux for everything, wrapped once.
func Server() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", healthz)
	mux.HandleFunc("/orders", orders)
	return otelhttp.NewHandler(mux, "server") // want `otelhttp.NewHandler traces the health-check route "/healthz": it has no otelhttp.WithFilter`
}

// Go 1.22 patterns with a method; other options but no filter.
func WithMethods() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /readyz", healthz)
	mux.Handle("GET /livez", http.HandlerFunc(healthz))
	mux.HandleFunc("POST /orders", orders)
	return otelhttp.NewHandler(mux, "server", otelhttp.WithServerName("orders")) // want `otelhttp.NewHandler traces the health-check route "/readyz", "/livez"`
}

// The middleware form.
func Middleware() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/health", healthz)
	mux.HandleFunc("/api/orders", orders)
	return otelhttp.NewMiddleware("server")(mux) // want `otelhttp.NewMiddleware traces the health-check route "/api/health"`
}

// An options slice built here, without a filter.
func OptionsSlice() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/ping", healthz)
	opts := []otelhttp.Option{otelhttp.WithServerName("orders")}
	opts = append(opts, otelhttp.WithServerName("orders"))
	return otelhttp.NewHandler(mux, "server", opts...) // want `traces the health-check route "/ping"`
}

// Routes registered by a helper of the package on its parameter.
func registerProbes(mux *http.ServeMux) {
	mux.HandleFunc("/healthz", healthz)
}

func ViaHelper() http.Handler {
	mux := http.NewServeMux()
	registerProbes(mux)
	mux.HandleFunc("/orders", orders)
	return otelhttp.NewHandler(mux, "server") // want `traces the health-check route "/healthz"`
}

// A mux returned by a function of the package.
func routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthcheck", healthz)
	return mux
}

func ViaRoutes() http.Handler {
	return otelhttp.NewHandler(routes(), "server") // want `traces the health-check route "/healthcheck"`
}

func ViaRoutesVar() http.Handler {
	r := routes()
	return otelhttp.NewHandler(r, "server") // want `traces the health-check route "/healthcheck"`
}

// gorilla/mux.
func Gorilla() http.Handler {
	r := mux.NewRouter()
	r.HandleFunc("/health", healthz).Methods(http.MethodGet)
	r.HandleFunc("/orders/{id}", orders)
	return otelhttp.NewHandler(r, "server") // want `traces the health-check route "/health"`
}

// A probe word anywhere, through a constant prefix.
func Nested() http.Handler {
	const healthPrefix = "/healthz/"
	mux := http.NewServeMux()
	mux.HandleFunc(healthPrefix+"liveness", healthz)
	return otelhttp.NewHandler(mux, "server") // want `traces the health-check route "/healthz/liveness"`
}
