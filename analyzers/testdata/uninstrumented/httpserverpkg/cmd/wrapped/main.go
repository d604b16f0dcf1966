// A program whose handler trees are instrumented somewhere, or not fully
// visible: nothing is reported.
package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"google.golang.org/grpc"

	"example.com/testdata/uninstrumented/httpserverpkg/api"
	"example.com/testdata/uninstrumented/httpserverpkg/grpcsrv"
	"example.com/testdata/uninstrumented/httpserverpkg/traced"
	"example.com/testdata/uninstrumented/httpserverpkg/tracing"
)

type app struct{ handler http.Handler }

func main() {
	tracing.Setup()

	// A middleware chain ending in otelhttp.
	handler := http.Handler(api.Routes())
	handler = api.Logging(handler)
	handler = otelhttp.NewHandler(handler, "server")
	go http.ListenAndServe(":8080", handler)

	// A sub-router wrapped: the tree holds instrumentation.
	root := http.NewServeMux()
	root.Handle("/api/", otelhttp.NewHandler(api.Routes(), "api"))
	root.HandleFunc("GET /hello", api.Hello)
	go http.ListenAndServe(":8081", root)

	// A router from another package that is instrumented.
	go (&http.Server{Addr: ":8082", Handler: traced.Routes()}).ListenAndServe()
	mux := http.NewServeMux()
	traced.Register(mux)
	go http.ListenAndServe(":8083", mux)

	// The Handler wrapped later.
	srv := &http.Server{Addr: ":8084", Handler: api.Routes()}
	srv.Handler = otelhttp.NewHandler(srv.Handler, "server")
	go srv.ListenAndServe()

	// Handlers this rule cannot see: a library's router, a field, a
	// parameter, a function without a fact, the default mux.
	go http.ListenAndServe(":8085", gin.New())
	a := &app{handler: api.Routes()}
	go http.ListenAndServe(":8086", a.handler)
	go http.ListenAndServe(":8087", api.From(api.Current()))
	go http.ListenAndServe(":8088", nil)
	go (&http.Server{Addr: ":8089"}).ListenAndServe()
	serve(api.Routes())

	// A handler function that delegates to another handler.
	d := http.NewServeMux()
	d.HandleFunc("GET /", api.Delegate)
	go http.ListenAndServe(":8090", d)

	// gRPC servers from a library: traced, with options or an interceptor
	// from the program.
	defer grpcsrv.Traced().Stop()
	defer grpcsrv.With(grpc.MaxRecvMsgSize(1)).Stop()
	defer grpcsrv.Intercepted(nil).Stop()

	// A server passed on: it may be given another handler.
	s2 := &http.Server{Addr: ":8091", Handler: api.Routes()}
	run(s2)
}

func serve(h http.Handler) { http.ListenAndServe(":8092", h) }

func run(s *http.Server) { s.ListenAndServe() }
