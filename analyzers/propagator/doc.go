// Package propagator defines an Analyzer that reports programs that
// install a tracer provider and never set a text-map propagator.
//
// # Analyzer propagator
//
// propagator: check that a program that traces sets a text-map propagator
//
// In Go the global text-map propagator is a no-op until
// otel.SetTextMapPropagator is called. otelhttp, otelgrpc and the other
// contrib instrumentation then neither read an incoming traceparent header
// nor send one: every service starts its own trace, and a request that
// crosses three services shows up as three unrelated traces. (Python and
// Java default to W3C trace context; this bites every team porting a
// tutorial.)
//
// A program is a main package and everything it links. The rule reports,
// in package main, a program that installs a tracer provider
// (otel.SetTracerProvider, directly or through the functions it calls, in
// any package), that propagates trace context through the global
// propagator (it links contrib instrumentation such as otelhttp or
// otelgrpc, or calls otel.GetTextMapPropagator), and in which nothing sets
// a text-map propagator. The finding is at the otel.SetTracerProvider call
// in package main, or at main's call into the function of another package
// that installs the provider. Facts carry "installs a tracer provider"
// (on functions, through any number of calls and packages) and, on
// packages, for the package and everything it imports, "installs",
// "sets a propagator" and "propagates".
//
// Bad:
//
//	func main() {
//		tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
//		otel.SetTracerProvider(tp) // want: the program installs a tracer provider but sets no text-map propagator (...)
//		http.ListenAndServe(":8080", otelhttp.NewHandler(mux, "server"))
//	}
//
// Good:
//
//	func main() {
//		tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
//		otel.SetTracerProvider(tp)
//		otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(
//			propagation.TraceContext{}, propagation.Baggage{}))
//		http.ListenAndServe(":8080", otelhttp.NewHandler(mux, "server"))
//	}
//
// Not findings: library packages (no main), whose program decides; a
// program that sets a propagator anywhere, in any function or init of any
// package it links, reachable from main or not (the rule stays silent when
// in doubt), or that links a package known to set one (the OpenTelemetry
// Collector's service, a table in otelapi); a program that links no instrumentation using the global
// propagator (a command that traces only itself); providers installed in
// tests (_test.go files, functions taking a testing type).
// Per-instrumentation propagators (otelhttp.WithPropagators on some
// handlers or transports) do not count: the rest of the program's
// instrumentation still uses the no-op global one.
//
// The suggested fix, offered at an otel.SetTracerProvider statement in
// package main, inserts
// otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
// right after it, importing go.opentelemetry.io/otel/propagation if
// needed.
//
// The reference service shows the consequence at run time:
// refservice/antipatterns/propagator_test.go calls a backend through an
// otelhttp transport with no propagator set: the request carries no
// traceparent and the backend's trace differs from the caller's.
//
// # Limitations
//
// Only static calls count towards installing a provider (not calls
// through interfaces or function values). The standalone driver reads
// from source, and so computes facts for, the dependencies that call
// otel.SetTextMapPropagator or otel.SetTracerProvider, and reads most
// other dependencies outside the module from export data, without facts:
// instrumentation that such a dependency uses through the global
// propagator (a third-party Kafka or RPC wrapper calling
// otel.GetTextMapPropagator) is seen only if the program's own packages
// import it or its types reach the program, so such a program may go
// unreported. go vet -vettool computes facts for every dependency.
//
// Generated files (a "// Code generated ... DO NOT EDIT." header) are
// not reported, but count for facts.
package propagator
