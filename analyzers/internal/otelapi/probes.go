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

// Import paths of the routers whose routes the healthfilter rule reads,
// and of the OTel contrib middlewares for them.
const (
	echoPkg     = "github.com/labstack/echo/v4"
	ginPkg      = "github.com/gin-gonic/gin"
	OtelginPkg  = "go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"
	OtelmuxPkg  = "go.opentelemetry.io/contrib/instrumentation/github.com/gorilla/mux/otelmux"
	OtelechoPkg = "go.opentelemetry.io/contrib/instrumentation/github.com/labstack/echo/otelecho"
)

// routeMethods are, by router type, the methods that register a route and
// the index of their pattern argument: net/http's and gorilla's Handle and
// HandleFunc, echo's GET, POST, ..., Any, Add and Match, gin's GET, POST,
// ..., Any and Handle. Extend the table here.
var routeMethods = map[string]map[string]int{
	"net/http.ServeMux":       {"Handle": 0, "HandleFunc": 0},
	gorillaMuxPkg + ".Router": {"Handle": 0, "HandleFunc": 0},
	echoPkg + ".Echo": {
		"GET": 0, "POST": 0, "PUT": 0, "DELETE": 0, "PATCH": 0, "HEAD": 0,
		"OPTIONS": 0, "CONNECT": 0, "TRACE": 0, "Any": 0, "Add": 1, "Match": 1,
	},
	ginPkg + ".Engine": {
		"GET": 0, "POST": 0, "PUT": 0, "DELETE": 0, "PATCH": 0, "HEAD": 0,
		"OPTIONS": 0, "Any": 0, "Handle": 1, "Match": 1,
	},
}

// routerName returns the name ("net/http.ServeMux") of the router type t
// points to, or "".
func routerName(t types.Type) string {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return ""
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	name := n.Obj().Pkg().Path() + "." + n.Obj().Name()
	if _, ok := routeMethods[name]; !ok {
		return ""
	}
	return name
}

// IsRouter reports whether t is a router whose routes the rule reads:
// *http.ServeMux, *mux.Router (gorilla), *echo.Echo, *gin.Engine.
func IsRouter(t types.Type) bool { return routerName(t) != "" }

// RoutePatternArg reports whether the method name of the router type t
// registers a route, and returns the index of its pattern argument.
func RoutePatternArg(t types.Type, name string) (int, bool) {
	i, ok := routeMethods[routerName(t)][name]
	return i, ok
}

// A RouterMiddleware is an OTel contrib tracing middleware of a router,
// installed with the router's Use method.
type RouterMiddleware struct {
	Name    string   // as written: "otelmux.Middleware"
	Pkg     string   // its import path, that of its options
	Options int      // the index of its first option
	Filters []string // its options that leave requests out: any of them is a filter
	Skipper bool     // its filter option takes an echo skipper (true skips), not a request filter (true traces)
	Ordered bool     // it applies only to the routes registered after it (gin)
}

// routerMiddlewares are the tracing middlewares of routers, by full name.
var routerMiddlewares = map[string]RouterMiddleware{
	OtelginPkg + ".Middleware":  {Name: "otelgin.Middleware", Pkg: OtelginPkg, Options: 1, Filters: []string{"WithFilter", "WithGinFilter"}, Ordered: true},
	OtelmuxPkg + ".Middleware":  {Name: "otelmux.Middleware", Pkg: OtelmuxPkg, Options: 1, Filters: []string{"WithFilter"}},
	OtelechoPkg + ".Middleware": {Name: "otelecho.Middleware", Pkg: OtelechoPkg, Options: 1, Filters: []string{"WithSkipper"}, Skipper: true},
}

var routerMiddlewaresNames = shortNames(routerMiddlewares)

// RouterMiddlewareOf reports whether fn makes a router's tracing
// middleware, and describes it.
func RouterMiddlewareOf(fn *types.Func) (RouterMiddleware, bool) {
	return lookup(routerMiddlewares, routerMiddlewaresNames, fn)
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
