package otelapi

import (
	"go/types"
	"strings"
)

// probeSegments are the path segments of health, liveness and readiness
// probe routes: load balancers and orchestrators request them every few
// seconds from every replica. A word that names nothing but a probe
// (anywhere) matches any segment of a path ("/healthz/liveness"); the
// others (last) only its last segment ("/health", not "/health/{id}").
// Extend the table here.
var probeSegments = map[string]struct{ anywhere bool }{
	"healthz":     {anywhere: true},
	"livez":       {anywhere: true},
	"readyz":      {anywhere: true},
	"healthcheck": {anywhere: true},
	"health":      {},
	"ready":       {},
	"live":        {},
	"ping":        {},
	"liveness":    {},
	"readiness":   {},
}

// ProbePath reports whether the route pattern serves a health or readiness
// probe and returns the pattern's path. The pattern is a net/http pattern
// ("/healthz", "GET /healthz", "example.com/readyz", "/healthz/{$}") or a
// router's path template; it is a probe when a segment, compared whole
// and without case, is one of the probe table's, where the table allows
// it ("/v1/health-records" and "/health/{id}" are not probes).
func ProbePath(pattern string) (string, bool) {
	p := strings.TrimSpace(pattern)
	if i := strings.IndexAny(p, " \t"); i >= 0 {
		p = strings.TrimSpace(p[i+1:]) // a method: "GET /healthz"
	}
	i := strings.IndexByte(p, '/')
	if i < 0 {
		return "", false
	}
	p = p[i:] // a host: "example.com/healthz"
	segs := strings.Split(strings.TrimSuffix(strings.TrimSuffix(p, "{$}"), "/"), "/")
	for i, seg := range segs {
		w, ok := probeSegments[strings.ToLower(seg)]
		if ok && (w.anywhere || i == len(segs)-1) {
			return p, true
		}
	}
	return "", false
}

// Otelhttp functions and options the healthfilter rule knows.
const (
	OtelhttpFiltersPkg = OtelhttpPkg + "/filters"
	gorillaMuxPkg      = "github.com/gorilla/mux"
)

// IsOtelhttpWrap reports whether fn is otelhttp.NewHandler or
// otelhttp.NewMiddleware.
func IsOtelhttpWrap(fn *types.Func) (handler, middleware bool) {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != OtelhttpPkg || fn.Signature().Recv() != nil {
		return false, false
	}
	return fn.Name() == "NewHandler", fn.Name() == "NewMiddleware"
}

// IsOtelhttpFilter reports whether fn is otelhttp.WithFilter.
func IsOtelhttpFilter(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == OtelhttpPkg && fn.Name() == "WithFilter" && fn.Signature().Recv() == nil
}

// IsRouter reports whether t is a router whose Handle and HandleFunc
// methods take a route pattern first: *http.ServeMux, *mux.Router.
func IsRouter(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "net/http.ServeMux", gorillaMuxPkg + ".Router":
		return true
	}
	return false
}

// grpcHealthRegistrations register the gRPC health service on the server
// passed first: probes of load balancers and orchestrators call it.
var grpcHealthRegistrations = map[string]bool{
	"google.golang.org/grpc/health/grpc_health_v1.RegisterHealthServer": true,
}

var grpcHealthRegistrationsNames = shortNames(grpcHealthRegistrations)

// RegistersGRPCHealth reports whether fn registers the gRPC health service
// on its first argument.
func RegistersGRPCHealth(fn *types.Func) bool {
	return get(grpcHealthRegistrations, grpcHealthRegistrationsNames, fn)
}
