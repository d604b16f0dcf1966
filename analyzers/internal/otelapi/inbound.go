package otelapi

import (
	"go/types"
	"strings"
)

// Inbound HTTP: what serves a handler, which net/http handlers wrap
// another without tracing it, and which uses of OTel instrumentation may
// trace a server.

// InstrumentationPrefix begins the import path of every OTel contrib
// instrumentation package (otelhttp, otelgrpc, otelmux, otelgin, otelecho...).
const InstrumentationPrefix = "go.opentelemetry.io/contrib/instrumentation/"

// httpServes lists the net/http functions that serve a handler, with the
// index of the handler argument.
var httpServes = map[string]int{
	"net/http.ListenAndServe":    1,
	"net/http.ListenAndServeTLS": 3,
	"net/http.Serve":             1,
	"net/http.ServeTLS":          1,
}

var httpServesNames = shortNames(httpServes)

// HTTPServe reports whether fn is a net/http function that serves a
// handler (http.ListenAndServe, http.Serve...), and the index of the
// handler argument.
func HTTPServe(fn *types.Func) (int, bool) { return lookup(httpServes, httpServesNames, fn) }

// httpServerServes lists the methods of *http.Server that serve its
// Handler.
var httpServerServes = map[string]bool{
	"(*net/http.Server).ListenAndServe":    true,
	"(*net/http.Server).ListenAndServeTLS": true,
	"(*net/http.Server).Serve":             true,
	"(*net/http.Server).ServeTLS":          true,
}

var httpServerServesNames = shortNames(httpServerServes)

// IsHTTPServerServe reports whether fn is a method of *http.Server that
// serves its Handler (ListenAndServe, Serve and their TLS forms).
func IsHTTPServerServe(fn *types.Func) bool {
	return get(httpServerServes, httpServerServesNames, fn)
}

// plainHandlerFuncs lists the functions that return an http.Handler
// starting no span, with the index of the handler they wrap (-1: none).
var plainHandlerFuncs = map[string]int{
	"net/http.NotFoundHandler":              -1,
	"net/http.RedirectHandler":              -1,
	"net/http.FileServer":                   -1,
	"net/http.FileServerFS":                 -1,
	"net/http.StripPrefix":                  1,
	"net/http.TimeoutHandler":               0,
	"net/http.MaxBytesHandler":              0,
	"net/http.AllowQuerySemicolons":         0,
	"golang.org/x/net/http2/h2c.NewHandler": 0,
}

var plainHandlerFuncsNames = shortNames(plainHandlerFuncs)

// PlainHandlerFunc reports whether fn returns a handler that starts no
// span (http.StripPrefix, http.FileServer...), and the index of the
// handler argument it wraps, or -1.
func PlainHandlerFunc(fn *types.Func) (int, bool) {
	return lookup(plainHandlerFuncs, plainHandlerFuncsNames, fn)
}

// clientInstrumentation lists the objects of otelhttp and otelgrpc that
// instrument only outbound calls; clientOnlyPackages the instrumentation
// packages that never trace a server (runtime metrics, client traces).
var (
	clientInstrumentation = map[string]bool{
		OtelhttpPkg + ".NewTransport":     true,
		OtelhttpPkg + ".Transport":        true,
		OtelhttpPkg + ".DefaultClient":    true,
		OtelhttpPkg + ".Get":              true,
		OtelhttpPkg + ".Head":             true,
		OtelhttpPkg + ".Post":             true,
		OtelhttpPkg + ".PostForm":         true,
		OtelgrpcPkg + ".NewClientHandler": true,
		OtelhttpPkg + ".Option":           true,
		OtelgrpcPkg + ".Option":           true,
	}
	clientOnlyPackages = []string{
		InstrumentationPrefix + "runtime",
		InstrumentationPrefix + "host",
		InstrumentationPrefix + "net/http/httptrace/otelhttptrace",
	}
)

// MayTraceServer reports whether a use of obj may make a server start
// spans: an object of an OTel instrumentation package other than the
// client-side ones and the options, or a propagator's Extract method,
// which hand-written server instrumentation calls.
func MayTraceServer(obj types.Object) bool {
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	path := obj.Pkg().Path()
	if fn, ok := obj.(*types.Func); ok && fn.Name() == "Extract" && path == OtelModule+"/propagation" {
		return true
	}
	if !strings.HasPrefix(path, InstrumentationPrefix) {
		return false
	}
	for _, p := range clientOnlyPackages {
		if path == p {
			return false
		}
	}
	if fn, ok := obj.(*types.Func); ok && fn.Signature().Recv() != nil {
		return false // a method: its receiver was built by a function seen on its own
	}
	if strings.HasPrefix(obj.Name(), "With") {
		return false // an option: it does nothing on its own
	}
	return !clientInstrumentation[path+"."+obj.Name()]
}
