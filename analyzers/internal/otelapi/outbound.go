package otelapi

import "go/types"

// Outbound calls: what sends a request to another process without trace
// context, and what instruments a client so that it carries one.

// plainHTTPSends lists the net/http package functions that send a request
// through http.DefaultClient, whose Transport nothing instruments.
var plainHTTPSends = map[string]bool{
	"net/http.Get":      true,
	"net/http.Head":     true,
	"net/http.Post":     true,
	"net/http.PostForm": true,
}

var plainHTTPSendsNames = shortNames(plainHTTPSends)

// IsPlainHTTPSend reports whether fn is a net/http package function that
// sends a request through http.DefaultClient (http.Get and friends).
func IsPlainHTTPSend(fn *types.Func) bool { return get(plainHTTPSends, plainHTTPSendsNames, fn) }

// httpClientSends lists the methods of *http.Client that send a request
// through the client's Transport.
var httpClientSends = map[string]bool{
	"(*net/http.Client).Do":       true,
	"(*net/http.Client).Get":      true,
	"(*net/http.Client).Head":     true,
	"(*net/http.Client).Post":     true,
	"(*net/http.Client).PostForm": true,
}

var httpClientSendsNames = shortNames(httpClientSends)

// IsHTTPClientSend reports whether fn is a method of *http.Client that
// sends a request (Do, Get, Head, Post, PostForm).
func IsHTTPClientSend(fn *types.Func) bool { return get(httpClientSends, httpClientSendsNames, fn) }

// instrumentingTransports lists the functions that return an
// http.RoundTripper which injects the trace context into the requests it
// sends.
var instrumentingTransports = map[string]bool{
	OtelhttpPkg + ".NewTransport": true,
}

var instrumentingTransportsNames = shortNames(instrumentingTransports)

// IsInstrumentingTransport reports whether fn builds a Transport that
// propagates the trace context (otelhttp.NewTransport).
func IsInstrumentingTransport(fn *types.Func) bool {
	return get(instrumentingTransports, instrumentingTransportsNames, fn)
}

// plainHTTPVars lists the net/http package variables that hold a client
// or a Transport without instrumentation.
var plainHTTPVars = map[string]bool{
	"net/http.DefaultClient":    true,
	"net/http.DefaultTransport": true,
}

// IsPlainHTTPVar reports whether v is http.DefaultClient or
// http.DefaultTransport, which propagate no trace context.
func IsPlainHTTPVar(v *types.Var) bool {
	return v != nil && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Parent() == v.Pkg().Scope() && plainHTTPVars["net/http."+v.Name()]
}

// GRPCPkg is the import path of gRPC, and OtelgrpcPkg that of its OTel
// instrumentation.
const (
	GRPCPkg     = "google.golang.org/grpc"
	OtelgrpcPkg = "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
)

// grpcDials lists the functions that build a gRPC client connection, with
// the index of their first dial option.
var grpcDials = map[string]int{
	GRPCPkg + ".NewClient":   1,
	GRPCPkg + ".Dial":        1,
	GRPCPkg + ".DialContext": 2,
}

var grpcDialsNames = shortNames(grpcDials)

// GRPCDial reports whether fn builds a gRPC client connection, and the
// index of its first dial option.
func GRPCDial(fn *types.Func) (int, bool) { return lookup(grpcDials, grpcDialsNames, fn) }

// grpcHookOptions lists the dial options that install code on every call
// (a stats handler, interceptors): any of them may add tracing.
var grpcHookOptions = map[string]bool{
	GRPCPkg + ".WithStatsHandler":           true,
	GRPCPkg + ".WithUnaryInterceptor":       true,
	GRPCPkg + ".WithChainUnaryInterceptor":  true,
	GRPCPkg + ".WithStreamInterceptor":      true,
	GRPCPkg + ".WithChainStreamInterceptor": true,
	// server options
	GRPCPkg + ".StatsHandler":           true,
	GRPCPkg + ".UnaryInterceptor":       true,
	GRPCPkg + ".ChainUnaryInterceptor":  true,
	GRPCPkg + ".StreamInterceptor":      true,
	GRPCPkg + ".ChainStreamInterceptor": true,
}

var grpcHookOptionsNames = shortNames(grpcHookOptions)

// IsGRPCHookOption reports whether fn is a dial option that installs a
// stats handler or an interceptor, which may trace the calls.
func IsGRPCHookOption(fn *types.Func) bool { return get(grpcHookOptions, grpcHookOptionsNames, fn) }

// IsGRPCStatsOption reports whether fn is grpc.WithStatsHandler (a dial
// option) or grpc.StatsHandler (a server option).
func IsGRPCStatsOption(fn *types.Func) bool {
	return IsFunc(fn, GRPCPkg+".WithStatsHandler") || IsFunc(fn, GRPCPkg+".StatsHandler")
}

// IsGRPCNewServer reports whether fn is grpc.NewServer, whose arguments
// are all server options.
func IsGRPCNewServer(fn *types.Func) bool { return IsFunc(fn, GRPCPkg+".NewServer") }

// IsInstrumentingServerHandler reports whether fn builds a gRPC server
// stats handler that starts server spans (otelgrpc.NewServerHandler).
func IsInstrumentingServerHandler(fn *types.Func) bool {
	return IsFunc(fn, OtelgrpcPkg+".NewServerHandler")
}

// IsInstrumentingClientHandler reports whether fn builds a gRPC client
// stats handler that propagates the trace context (otelgrpc.NewClientHandler).
func IsInstrumentingClientHandler(fn *types.Func) bool {
	return IsFunc(fn, OtelgrpcPkg+".NewClientHandler")
}
