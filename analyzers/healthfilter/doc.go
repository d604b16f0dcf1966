// Package healthfilter defines an Analyzer that reports tracing handlers
// and middlewares (otelhttp, otelmux, otelecho, otelgin, otelgrpc) that
// trace health and readiness probes.
//
// # Analyzer healthfilter
//
// healthfilter: check that tracing middleware does not trace health checks
//
// Load balancers, Kubernetes and uptime monitors request a service's
// health and readiness routes every few seconds, from every replica. When
// the router that serves them is wrapped by otelhttp.NewHandler or
// otelhttp.NewMiddleware without a filter, every probe becomes a trace of
// its own: the backend fills with identical one-span traces that drown the
// real traffic, sampling budgets are spent on them, and the bill grows
// with the number of replicas.
//
// A finding is an otelhttp.NewHandler(h, ...) or
// otelhttp.NewMiddleware(...)(h) whose handler h serves a probe route and
// whose options have no otelhttp.WithFilter. h serves a probe route when
// it is a local *http.ServeMux or *mux.Router (gorilla) on which the
// function registers one with Handle or HandleFunc and a constant
// pattern, a router returned by a function that registers one, or a router
// passed to a function that registers probe routes on its parameter (in
// the package, or in another package through a fact); or it is
// http.DefaultServeMux and the package registers a probe route with
// http.Handle or http.HandleFunc. A probe route is a pattern with a
// segment healthz, livez, readyz or healthcheck anywhere
// ("/healthz/liveness"), or whose last segment is health, ready, live,
// ping, liveness or readiness; Go 1.22 patterns with a method or a host
// ("GET /healthz") count, "/v1/health-records/{id}" and "/health/{id}" do
// not.
//
// Bad:
//
//	mux := http.NewServeMux()
//	mux.HandleFunc("GET /healthz", healthz)
//	mux.HandleFunc("GET /orders", orders)
//	return otelhttp.NewHandler(mux, "server") // want: otelhttp.NewHandler traces the health-check route "/healthz" (...)
//
// Good:
//
//	return otelhttp.NewHandler(mux, "server",
//		otelhttp.WithFilter(filters.Not(filters.Path("/healthz"))))
//
// Not findings: any filter (what a filter function drops cannot be known
// without running it), also a hand-written one: a function that calls the
// router's own ServeHTTP next to the otelhttp handler; an option this rule
// cannot see through (a helper's result, an options slice that is a
// parameter, a field or a package variable, or a local slice assigned
// anything but literals and appends of otelhttp options); probes on a
// separate router that otelhttp does not wrap; otelhttp applied to a
// sub-router without the probe, or per route; a router whose routes are
// not visible (a parameter, a field, a package variable); test files
// (_test.go).
//
// The suggested fix appends
// otelhttp.WithFilter(filters.Not(filters.Path("/healthz"))) to the
// options (filters.Any of several paths when the router serves several
// probes), with the import of otelhttp's filters package. It is offered
// when the options are not a slice passed with ... and the probe patterns
// have no wildcards.
//
// # Router middlewares: otelmux, otelecho, otelgin
//
// The same holds for the tracing middlewares of routers: an
// otelmux.Middleware(name, ...) without otelmux.WithFilter installed with
// r.Use on a gorilla/mux router that serves a probe route, or wrapping it
// whole (otelmux.Middleware(name)(r)); an otelecho.Middleware(name, ...)
// without otelecho.WithSkipper installed with e.Use or e.Pre on an
// *echo.Echo that serves one; an otelgin.Middleware(name, ...) without
// otelgin.WithFilter or otelgin.WithGinFilter installed with r.Use on a
// *gin.Engine that registers a probe route after it, in the same function
// (gin applies a middleware to the routes registered after it only); an
// otelhttp.NewMiddleware(name, ...) without a filter installed with r.Use
// on a gorilla/mux router that serves one. The
// router runs its middlewares for every route it matches, the probes
// among them. Echo routes are those registered with GET, POST, ..., Any,
// Add and Match, gin routes with GET, POST, ..., Any and Handle, with a
// constant path (an *echo.Echo or *gin.Engine wrapped by
// otelhttp.NewHandler serves them too). Middlewares installed on a
// sub-router (gorilla's Subrouter, an echo or gin Group) without the
// probe, options the rule cannot see through, and any filter or skipper
// are not findings.
//
// Bad:
//
//	r := mux.NewRouter()
//	r.HandleFunc("/healthz", healthz)
//	r.Use(otelmux.Middleware("orders")) // want: otelmux.Middleware traces the health-check route "/healthz" (...)
//
// Good:
//
//	r.Use(otelmux.Middleware("orders", otelmux.WithFilter(func(r *http.Request) bool { return r.URL.Path != "/healthz" })))
//
// The suggested fix appends such a filter, a function literal comparing
// the request's path with the probe paths (otelmux's Filter is not
// otelhttp's type, and the module may not require otelhttp), or for echo
// otelecho.WithSkipper(func(c echo.Context) bool { return
// c.Request().URL.Path == "/healthz" }), under the same conditions as
// otelhttp's fix; otelgin's is otelmux's, with otelgin.WithFilter.
//
// # gRPC
//
// A gRPC server traced by grpc.StatsHandler(otelgrpc.NewServerHandler(...))
// with no otelgrpc.WithFilter among the handler's options, on which the
// health service is registered (grpc_health_v1.RegisterHealthServer(srv,
// ...)), is reported at the otelgrpc.NewServerHandler call, with the
// health registration as a related position: every health check becomes
// a trace. The rule follows the handler into options
// (grpc.StatsHandler(h), a variable holding h), option slices (literals,
// opts = append(opts, ...), also under a condition), servers
// (grpc.NewServer(opts...), held in a variable or, within one function, in
// a field of one: s.server), and through functions and methods that
// return options, a slice of them or a *grpc.Server built from them
// (openfga's buildServerOpts), functions that register the health
// service on a *grpc.Server parameter, and functions that build a server
// from their options parameters and register the health service on it (a
// constructor: the finding is the caller's handler), or return those
// options with others: within the package, and across packages by facts. When the handler is built in another package, the
// finding is at the call of that package's function that returns it.
//
// Bad:
//
//	func serverOpts() []grpc.ServerOption {
//		return []grpc.ServerOption{grpc.StatsHandler(otelgrpc.NewServerHandler())} // want: otelgrpc.NewServerHandler traces the gRPC health service registered on this server (...)
//	}
//
//	func run() {
//		srv := grpc.NewServer(serverOpts()...)
//		grpc_health_v1.RegisterHealthServer(srv, health.NewServer())
//	}
//
// Good:
//
//	grpc.StatsHandler(otelgrpc.NewServerHandler(otelgrpc.WithFilter(filters.Not(filters.HealthCheck()))))
//
// The suggested fix adds otelgrpc.WithFilter(filters.Not(filters.HealthCheck()))
// to the NewServerHandler call, with otelgrpc's filters package (not when
// its options are a slice passed with ..., nor when the handler is in
// another package). Not findings: a handler whose options may hold a
// filter (an options slice that is a parameter or is assigned anything
// but literals and appends of otelgrpc options, an option from a
// variable or a helper); the health service registered on another
// server; a server without it; a server traced by interceptors rather
// than otelgrpc's stats handler; server options whose callers, fields or
// package variables the rule does not see.
//
// The reference service shows the consequence at run time:
// refservice/antipatterns/healthfilter.go serves /healthz under otelhttp
// without a filter, and every probe request exports a span.
//
// # Limitations
//
// Routes registered in a way other than a registration method with a
// constant pattern (gorilla's r.Path("/healthz").Handler(...), a pattern
// from a variable, a table of routes in a loop, routes on a gorilla
// sub-router or an echo or gin group of the traced router) are not seen.
// Handlers stored in interface variables, fields or package variables are
// not followed (grpc-gateway's runtime.WithHealthzEndpoint behind an
// http.Handler variable is not seen); nor are gRPC servers and options
// stored in fields beyond one function (s.server set in one method, the
// health service registered in another). Facts come from the packages the driver analyses: the
// module's own; a router built by a third-party library is not followed.
// The gRPC analysis is flow-insensitive: a variable holds every handler
// ever assigned to it. A sampler that drops the health-check spans by
// name (cerbos drops every span whose name starts with "grpc.") is not
// seen: the finding stands, and the handler still starts a span per
// check, but nothing is exported; dismiss it with a suppression.
//
// Generated files (a "// Code generated ... DO NOT EDIT." header) are not
// checked.
package healthfilter
