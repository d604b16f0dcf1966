package otelapi

import (
	"go/types"
	"strings"
)

// What a callee does with a context it is passed, for the rules that ask
// whether a span started from it could become a child of the caller's span.

// IsStdPath reports whether path is a standard library package (its first
// element has no dot).
func IsStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// stdHandsOn lists the standard packages and functions that hand a context
// on to pluggable code that may start spans: database/sql calls its driver
// (otelsql and the like wrap drivers), and an *http.Request built with a
// context carries it to a Transport (otelhttp). A key naming a package
// matches every function of that package; otherwise it is a
// types.Func.FullName. The rest of the standard library starts no spans.
var stdHandsOn = map[string]bool{
	"database/sql":                    true,
	"database/sql/driver":             true,
	"net/http.NewRequestWithContext":  true,
	"(*net/http.Request).WithContext": true,
	"(*net/http.Request).Clone":       true,
}

// StdHandsContextOn reports whether fn, a standard library function or
// method, may pass the context it is given to code that starts spans.
func StdHandsContextOn(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	if v, ok := lookup(stdHandsOn, stdHandsOnNames, fn); ok {
		return v
	}
	return stdHandsOn[fn.Pkg().Path()]
}

// otelHandsOn lists the OpenTelemetry functions, beyond the span starts,
// that hand a context's span on to a child: a propagator injects it into an
// outgoing request, whose server starts a child span.
var otelHandsOn = map[string]bool{
	"(go.opentelemetry.io/otel/propagation.TextMapPropagator).Inject": true,
	"(go.opentelemetry.io/otel/propagation.TraceContext).Inject":      true,
}

// OTelHandsContextOn reports whether fn, a function of the OpenTelemetry
// modules that is not a span start, may start a span from the context it is
// given: a propagator's Inject, or instrumentation from the contrib modules
// (otelhttp.Get, an instrumented client). The metric, log and baggage APIs
// and the trace API's context helpers (SpanFromContext, ContextWithSpan)
// start none.
func OTelHandsContextOn(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	if v, ok := lookup(otelHandsOn, otelHandsOnNames, fn); ok {
		return v
	}
	return strings.HasPrefix(fn.Pkg().Path(), "go.opentelemetry.io/contrib/instrumentation/")
}

// ReachesTraceAPI reports whether path is a package whose functions may
// start spans by themselves: the trace API, or contrib instrumentation.
// Other OpenTelemetry packages (metric, log, baggage, attribute) start none.
func ReachesTraceAPI(path string) bool {
	return path == TracePkg || strings.HasPrefix(path, TracePkg+"/") ||
		strings.HasPrefix(path, "go.opentelemetry.io/otel/sdk/trace") ||
		strings.HasPrefix(path, "go.opentelemetry.io/contrib/instrumentation/")
}

// pluggable lists third-party packages (by path prefix) that run
// middleware their users install, interceptors, hooks, drivers, where
// OpenTelemetry instrumentation plugs in without the package importing the
// trace API: a context given to them can start spans.
var pluggable = []string{
	"google.golang.org/grpc",
	"connectrpc.com/connect",
	"github.com/redis/go-redis/",
	"github.com/jackc/pgx/",
	"go.mongodb.org/mongo-driver",
	"github.com/aws/aws-sdk-go-v2/",
	"github.com/jmoiron/sqlx",
}

// IsPluggable reports whether path belongs to a package that hands
// contexts to user-installed instrumentation (see pluggable).
func IsPluggable(path string) bool {
	for _, p := range pluggable {
		if path == strings.TrimSuffix(p, "/") || strings.HasPrefix(path, strings.TrimSuffix(p, "/")+"/") {
			return true
		}
	}
	return false
}

var (
	otelHandsOnNames = shortNames(otelHandsOn)
	stdHandsOnNames  = shortNames(stdHandsOn)
)
