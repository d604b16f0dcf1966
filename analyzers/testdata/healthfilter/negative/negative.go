package negative

import (
	"net/http"
	"strings"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp/filters"
)

func healthz(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }
func orders(w http.ResponseWriter, _ *http.Request)  {}

// A filter, from the filters package.
func Filtered() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", healthz)
	mux.HandleFunc("/orders", orders)
	return otelhttp.NewHandler(mux, "server", otelhttp.WithFilter(filters.Not(filters.Path("/healthz"))))
}

// Any filter: what it drops is not checked.
func FilterFunc() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", healthz)
	return otelhttp.NewMiddleware("server", otelhttp.WithFilter(func(r *http.Request) bool {
		return !strings.HasPrefix(r.URL.Path, "/health")
	}))(mux)
}

// A filter in the options slice.
func FilterInSlice() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/readyz", healthz)
	opts := []otelhttp.Option{otelhttp.WithServerName("orders")}
	opts = append(opts, otelhttp.WithFilter(func(r *http.Request) bool { return r.URL.Path != "/readyz" }))
	return otelhttp.NewHandler(mux, "server", opts...)
}

// Options from elsewhere: not seen.
func FromElsewhere(opts []otelhttp.Option) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/readyz", healthz)
	return otelhttp.NewHandler(mux, "server", opts...)
}

func serverOptions() []otelhttp.Option { return nil }

func FromHelper() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/readyz", healthz)
	opts := serverOptions()
	return otelhttp.NewHandler(mux, "server", opts...)
}

func filterOption() otelhttp.Option {
	return otelhttp.WithFilter(func(r *http.Request) bool { return r.URL.Path != "/healthz" })
}

func OptionHelper() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", healthz)
	return otelhttp.NewHandler(mux, "server", filterOption())
}

// Probes on a separate mux that otelhttp does not wrap.
func SeparateMux() http.Handler { // want SeparateMux:`probes\(/healthz; returns\)`
	api := http.NewServeMux()
	api.HandleFunc("/orders", orders)
	root := http.NewServeMux()
	root.Handle("/api/", otelhttp.NewHandler(api, "api"))
	root.HandleFunc("/healthz", healthz)
	return root
}

// otelhttp per route.
func PerRoute() http.Handler { // want PerRoute:`probes\(/healthz; returns\)`
	mux := http.NewServeMux()
	mux.Handle("/orders", otelhttp.NewHandler(http.HandlerFunc(orders), "orders"))
	mux.HandleFunc("/healthz", healthz)
	return mux
}

// Not probes: a probe word inside a longer segment, or not last.
func NotProbes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/health-records/{id}", orders)
	mux.HandleFunc("/health/{id}", orders)
	mux.HandleFunc("/pingpong", orders)
	return otelhttp.NewHandler(mux, "server")
}

// A mux whose routes are not visible: a parameter.
func Wrap(mux *http.ServeMux) http.Handler {
	return otelhttp.NewHandler(mux, "server")
}

// A pattern from a variable is not followed.
func VariablePattern(path string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc(path, healthz)
	return otelhttp.NewHandler(mux, "server")
}

// A caller wraps only the API part; the probes stay outside.
func Split() http.Handler { // want Split:`probes\(/healthz; returns\)`
	root := http.NewServeMux()
	root.HandleFunc("/healthz", healthz)
	root.Handle("/api/", otelhttp.NewHandler(apiRoutes(), "api"))
	return root
}

func apiRoutes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/orders", orders)
	return mux
}

// The default mux, without probe routes registered in this package.
func DefaultMux() http.Handler {
	http.HandleFunc("/api/orders", orders)
	return otelhttp.NewHandler(http.DefaultServeMux, "server")
}

// The probes on their own mux in front of the traced handler (the shape
// of gocloud.dev/server).
type Server struct{ handler http.Handler }

func (s *Server) Wrapped() http.Handler { // want Wrapped:`probes\(/healthz/liveness /healthz/readiness; returns\)`
	const healthPrefix = "/healthz/"
	mux := http.NewServeMux()
	mux.HandleFunc(healthPrefix+"liveness", healthz)
	mux.HandleFunc(healthPrefix+"readiness", healthz)
	h := s.handler
	h = otelhttp.NewHandler(h, "")
	mux.Handle("/", h)
	return mux
}

// A hand-written filter: probes go to the mux directly.
func HandFiltered() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", healthz)
	mux.HandleFunc("/orders", orders)
	traced := otelhttp.NewHandler(mux, "server")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" {
			mux.ServeHTTP(w, r)
			return
		}
		traced.ServeHTTP(w, r)
	})
}
