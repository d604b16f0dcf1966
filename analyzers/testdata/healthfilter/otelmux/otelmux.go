// Package otelmux holds gorilla/mux routers traced by otelmux that serve
// probe routes, with and without a filter.
package otelmux

import (
	"net/http"
	"strings"

	"github.com/gorilla/mux"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gorilla/mux/otelmux"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp/filters"
)

func ok(w http.ResponseWriter, _ *http.Request) {}

func used() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", ok).Methods(http.MethodGet)
	r.HandleFunc("/orders/{id}", ok)
	r.Use(otelmux.Middleware("orders")) // want `otelmux.Middleware traces the health-check route "/healthz": it has no otelmux.WithFilter`
	return r
}

// Among other middlewares, with another option.
func among(auth mux.MiddlewareFunc) *mux.Router {
	r := mux.NewRouter()
	r.Use(auth, otelmux.Middleware("orders", otelmux.WithPublicEndpoint())) // want `otelmux.Middleware traces the health-check route "/readyz"`
	r.HandleFunc("/readyz", ok)
	return r
}

// Wrapping the router whole.
func wrapped() http.Handler {
	r := mux.NewRouter()
	r.HandleFunc("/health", ok)
	return otelmux.Middleware("orders")(r) // want `otelmux.Middleware traces the health-check route "/health"`
}

// Routes registered by a helper on its parameter.
func routes(r *mux.Router) {
	r.HandleFunc("/livez", ok)
}

func helper() *mux.Router {
	r := mux.NewRouter()
	routes(r)
	r.Use(otelmux.Middleware("orders")) // want `otelmux.Middleware traces the health-check route "/livez"`
	return r
}

// Filtered: not a finding.
func filtered() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", ok)
	r.Use(otelmux.Middleware("orders", otelmux.WithFilter(func(r *http.Request) bool {
		return !strings.HasPrefix(r.URL.Path, "/healthz")
	})))
	return r
}

// Options from a parameter may filter: silent.
func options(opts ...otelmux.Option) *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", ok)
	r.Use(otelmux.Middleware("orders", opts...))
	return r
}

// Traced only on a sub-router without the probe: silent.
func subrouter() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", ok)
	api := r.PathPrefix("/api").Subrouter()
	api.HandleFunc("/orders", ok)
	api.Use(otelmux.Middleware("orders"))
	return r
}

// No probe route: silent.
func noProbe() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/v1/health-records/{id}", ok)
	r.Use(otelmux.Middleware("orders"))
	return r
}

// Probes on a separate, untraced router: silent.
func separate() (*mux.Router, *mux.Router) {
	api := mux.NewRouter()
	api.HandleFunc("/orders", ok)
	api.Use(otelmux.Middleware("orders"))
	probes := mux.NewRouter()
	probes.HandleFunc("/healthz", ok)
	return api, probes
}

// otelhttp's middleware installed on a gorilla router.
func otelhttpMiddleware() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", ok)
	r.Use(otelhttp.NewMiddleware("orders")) // want `otelhttp.NewMiddleware traces the health-check route "/healthz"`
	return r
}

// With a filter: silent.
func otelhttpFiltered() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", ok)
	r.Use(otelhttp.NewMiddleware("orders", otelhttp.WithFilter(filters.Not(filters.Path("/healthz")))))
	return r
}
