// A program whose handler trees are instrumented somewhere: nothing is
// reported. A program that instruments one server, itself or through
// another package (traced.Routes), leaves the others untraced by choice.
package main

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"google.golang.org/grpc"

	"example.com/testdata/uninstrumented/httpserverpkg/api"
	"example.com/testdata/uninstrumented/httpserverpkg/grpcsrv"
	"example.com/testdata/uninstrumented/httpserverpkg/traced"
	"example.com/testdata/uninstrumented/httpserverpkg/tracing"
)

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

	// gRPC servers from a library: traced, with options or an interceptor
	// from the program.
	defer grpcsrv.Traced().Stop()
	defer grpcsrv.With(grpc.MaxRecvMsgSize(1)).Stop()
	defer grpcsrv.Intercepted(nil).Stop()
}
