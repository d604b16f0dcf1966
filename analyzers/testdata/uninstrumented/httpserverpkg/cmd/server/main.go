// A program that installs its tracer provider through another package
// and serves handler trees built in other functions and packages, all
// visible and none instrumented: each server is reported.
package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"time"

	"google.golang.org/grpc"

	"example.com/testdata/uninstrumented/httpserverpkg/api"
	"example.com/testdata/uninstrumented/httpserverpkg/grpcsrv"
	"example.com/testdata/uninstrumented/httpserverpkg/tracing"
)

func main() {
	defer tracing.Init()()

	srv := &http.Server{
		Addr:              ":8080",
		Handler:           api.Routes(), // want `http\.Server serves a handler that nothing wraps with otelhttp while the program installs a tracer provider: the service starts no server spans and drops its callers' trace context \(wrap it in otelhttp\.NewHandler\)`
		ReadHeaderTimeout: 5 * time.Second,
	}
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	defer srv.Shutdown(context.Background())

	h, err := api.New("static")
	if err != nil {
		log.Fatal(err)
	}
	h = api.Logging(h)
	go http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", h) // want `http\.ListenAndServeTLS serves a handler that nothing wraps with otelhttp`

	admin := http.NewServeMux()
	api.Register(admin)
	admin.HandleFunc("GET /hello", api.Hello)
	l, _ := net.Listen("tcp", ":8081")
	go http.Serve(l, admin) // want `http\.Serve serves a handler that nothing wraps with otelhttp`

	s := &api.Server{}
	late := http.Server{Addr: ":8082"}
	late.Handler = s.Handler() // want `http\.Server serves a handler that nothing wraps with otelhttp`
	go late.ListenAndServe()

	// The provider installed through tracing.Init counts for gRPC too.
	gs := grpc.NewServer() // want `grpc\.NewServer has no otelgrpc stats handler while the program installs a tracer provider`
	defer gs.Stop()
	lib := grpcsrv.New(1 << 20) // want `grpcsrv\.New returns a gRPC server without otelgrpc's stats handler while the program installs a tracer provider: the service starts no server spans and drops its callers' trace context \(add grpc\.StatsHandler\(otelgrpc\.NewServerHandler\(\)\) to its grpc\.NewServer\)`
	defer lib.Stop()
	built, _ := grpcsrv.Build(1 << 20) // want `grpcsrv\.Build returns a gRPC server without otelgrpc's stats handler`
	defer built.Stop()
	f := &grpcsrv.Factory{Max: 1 << 20}
	defer f.Server().Stop() // want `grpcsrv\.Factory\.Server returns a gRPC server without otelgrpc's stats handler`

	(&http.Server{Addr: ":8083", Handler: local()}).ListenAndServe() // want `http\.Server serves a handler that nothing wraps with otelhttp`
}

// local builds a mux in this package, with a middleware of its own.
func local() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders", orders)
	return recoverer(mux)
}

func orders(w http.ResponseWriter, r *http.Request) {}

func recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() { recover() }()
		next.ServeHTTP(w, r)
	})
}
