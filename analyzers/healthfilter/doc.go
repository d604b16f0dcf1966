// Package healthfilter defines an Analyzer that reports otelhttp handlers
// that trace health and readiness probes.
//
// # Analyzer healthfilter
//
// healthfilter: check that otelhttp does not trace health-check routes
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
// router's own ServeHTTP next to the otelhttp handler; an option this rule cannot see through (a helper's
// result, an options slice that is a parameter, a field or a package
// variable, or a local slice assigned anything but literals and appends of
// otelhttp options); probes on a separate router that otelhttp does not
// wrap; otelhttp applied to a sub-router without the probe, or per route;
// a router whose routes are not visible (a parameter, a field, a package
// variable); test files (_test.go).
//
// The suggested fix appends
// otelhttp.WithFilter(filters.Not(filters.Path("/healthz"))) to the
// options (filters.Any of several paths when the router serves several
// probes), with the import of otelhttp's filters package. It is offered
// when the options are not a slice passed with ... and the probe patterns
// have no wildcards.
//
// # gRPC
//
// A grpc.NewServer whose options, written in the call, include
// grpc.StatsHandler(otelgrpc.NewServerHandler(...)) with no
// otelgrpc.WithFilter among the handler's options, on a server the same
// function registers the health service on
// (grpc_health_v1.RegisterHealthServer(srv, ...)), is reported: every
// health check becomes a trace. The suggested fix adds
// otelgrpc.WithFilter(filters.Not(filters.HealthCheck())) with otelgrpc's
// filters package. Options held in a variable or built by a helper, and a
// health service registered in another function, are not seen: silent.
//
// The reference service shows the consequence at run time:
// refservice/antipatterns/healthfilter.go serves /healthz under otelhttp
// without a filter, and every probe request exports a span.
//
// # Limitations
//
// Routes registered in a way other than Handle or HandleFunc with a
// constant pattern (gorilla's r.Path("/healthz").Handler(...), a pattern
// from a variable, a table of routes in a loop) are not seen. Handlers
// stored in interface variables, fields or package variables are not
// followed (grpc-gateway's runtime.WithHealthzEndpoint behind an
// http.Handler variable is not seen). Facts come from the packages the
// driver analyses: the module's own; a router built by a third-party
// library is not followed. otelgin, otelecho and otelmux are not checked
// yet. A gRPC server is followed within one function only (see gRPC).
//
// Generated files (a "// Code generated ... DO NOT EDIT." header) are not
// checked.
package healthfilter
