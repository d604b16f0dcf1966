// A program that installs a tracer provider and imports no
// instrumentation, whose handler trees are not all visible: nothing is
// reported.
package main

import (
	"io"
	"net/http"

	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

type service struct {
	mux  *http.ServeMux
	next http.Handler
	srv  *http.Server
}

func (s *service) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.next.ServeHTTP(w, r) }

var global = http.NewServeMux()

func main() {
	tp := sdktrace.NewTracerProvider()
	defer tp.Shutdown(nil)
	otel.SetTracerProvider(tp)

	// The default mux (nil), a package variable, a field, a handler
	// value of a type of its own, a library's router: not seen.
	go http.ListenAndServe(":8080", nil)
	go http.ListenAndServe(":8081", global)
	s := &service{mux: http.NewServeMux()}
	go http.ListenAndServe(":8082", s.mux)
	go http.ListenAndServe(":8083", s)
	go http.ListenAndServe(":8084", echo.New())

	// A mux handed to a function that may register anything on it, and
	// one with a handler it cannot see registered.
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello", hello)
	setup(mux)
	go http.ListenAndServe(":8085", mux)
	other := http.NewServeMux()
	other.Handle("GET /api", s)
	go http.ListenAndServe(":8086", other)

	// A handler function that delegates to a handler it gets from a field.
	d := http.NewServeMux()
	d.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) { s.next.ServeHTTP(w, r) })
	go http.ListenAndServe(":8087", d)

	// A server of probes alone: better untraced (see healthfilter).
	probes := http.NewServeMux()
	probes.HandleFunc("GET /healthz", hello)
	probes.HandleFunc("GET /readyz", hello)
	go http.ListenAndServe(":9090", probes)

	// A handler function that hands the response writer to another
	// module's function: it may serve the request through a handler.
	e := echo.New()
	viaLib := http.NewServeMux()
	viaLib.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) { e.ServeHTTP(w, r) })
	go http.ListenAndServe(":8089", viaLib)

	// Odd shapes: servers in a slice, a nil handler served directly, a
	// generic middleware around a field, parens.
	srvs := []*http.Server{{Handler: mux}}
	_ = srvs
	go (&http.Server{}).Serve(nil)
	go http.ListenAndServe(":8090", wrap[int](s.mux))
	go http.ListenAndServe(":8091", (s.mux))

	// A server stored or returned: it may be served and changed elsewhere.
	s.srv = &http.Server{Handler: mux}
	_ = newServer()
	select {}
}

func hello(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hello") }

// setup hands the mux on to a hook it does not show.
var hook func(*http.ServeMux)

func setup(mux *http.ServeMux) { hook(mux) }

func newServer() *http.Server {
	return &http.Server{Handler: http.NotFoundHandler()}
}

func wrap[T any](h http.Handler) http.Handler { return h }

// serve serves a handler from a parameter.
func serve(h http.Handler) error { return http.ListenAndServe(":8088", h) }
