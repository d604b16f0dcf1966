// Package providershutdown defines an Analyzer that reports SDK providers
// that are never shut down, and Shutdown calls made with a context that is
// already cancelled.
//
// # Analyzer providershutdown
//
// providershutdown: check that SDK providers are shut down, with a live context
//
// The SDK's batch span processor holds up to 2,048 spans and exports them
// every five seconds; a periodic metric reader and a batch log processor
// buffer the same way. TracerProvider.Shutdown (MeterProvider's,
// LoggerProvider's) drains those queues and shuts the exporters down. A
// program that exits without it loses whatever is queued: for a batch job
// or a command-line tool, often every span it made.
//
// The rule reports a provider built by sdktrace.NewTracerProvider,
// sdkmetric.NewMeterProvider or sdklog.NewLoggerProvider, or by a setup
// function that returns one it builds (tp := initTracer(), across
// packages by fact), when the function that holds it neither shuts it
// down nor hands the duty on. The duty moves when the provider, or its
// Shutdown method value, is returned, stored (in a struct field or a
// package variable that the package shuts down, see below, a slice of
// shutdown functions, another variable), sent on a channel, or passed to a function that takes charge
// of it (one that does any of these with its parameter: a fact, across
// packages) or that nothing is known of (an interface method, a function
// value, a package read from export data). Returning it as an interface
// without a Shutdown method (trace.TracerProvider) hands nothing on: no
// caller can shut it down, and the finding says so. Any mention of its Shutdown
// method counts as shutting it down: called, deferred, in a closure
// registered with t.Cleanup or appended to a list of shutdown functions.
// Passing the provider to the OTel API (otel.SetTracerProvider,
// otelhttp.WithTracerProvider) does not hand the duty on: the API never
// shuts a provider down. Shutting down only the exporter does not count
// either: the processor's queue is never drained. Shutting down the
// processor or reader handed to the provider does (a variable passed to
// sdktrace.WithSpanProcessor, sdkmetric.WithReader or sdklog.WithProcessor):
// a batch processor's and a periodic reader's Shutdown export what is
// left, as the provider's would.
//
// Bad:
//
//	func main() {
//		exp, _ := otlptracegrpc.New(ctx)
//		otel.SetTracerProvider(sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))) // want: tracer provider from sdktrace.NewTracerProvider is never shut down
//		run()
//	}
//
// Good:
//
//	func main() {
//		exp, _ := otlptracegrpc.New(ctx)
//		tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
//		defer func() {
//			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
//			defer cancel()
//			_ = tp.Shutdown(ctx)
//		}()
//		otel.SetTracerProvider(tp)
//		run()
//	}
//
// The rule also reports Shutdown called with a context that is already
// over when the call runs: the context of signal.NotifyContext, or one
// derived from it, in a deferred call (it runs after the signal cancelled
// the context) or after <-ctx.Done() (in the statements that follow, or in
// a select case on it). The SDK then gives up at once and drops the queue.
// The suggested fix shuts down with a fresh context with a five-second
// timeout: a deferred tp.Shutdown(ctx) becomes a deferred function that
// makes one; elsewhere the context is made just before the call. No fix is
// offered when it would not compile or would change what runs: the names
// it declares (shutdownCtx, cancelShutdown) are taken, the context would be
// left unused, or the receiver is a call (deferred, it would run later).
//
// A meter or logger provider is reported only when its call shows a
// periodic reader or a batch processor (sdkmetric.NewPeriodicReader,
// sdklog.NewBatchProcessor): a pull reader such as the Prometheus exporter
// holds nothing to lose, and what a reader passed in does is not seen.
// Test-support packages (fakes, test servers, by import path) are not
// checked.
//
// In tests (_test.go files, functions taking *testing.T, *testing.B,
// *testing.F or testing.TB) a provider is reported only in a test function
// (one that takes a testing type: not init or TestMain, whose provider
// lives as long as the test binary) and only when its options visibly
// buffer telemetry (sdktrace.WithBatcher,
// sdktrace.NewBatchSpanProcessor, sdkmetric.NewPeriodicReader,
// sdklog.NewBatchProcessor): a test provider with a syncer or an in-memory
// recorder loses nothing when the test ends. Generated files are not
// checked.
//
// A provider stored in an unexported struct field or package variable of
// the package is reported when nothing in the package shuts it down or
// hands it on from there (its Shutdown, or any use of it beyond the store
// and the OTel API: returned, passed on, ranged over). Exported fields and
// variables, and other packages' fields, hand the duty on: code elsewhere
// may shut them down.
//
// Not findings, by design: a provider whose duty moves through a variable,
// a container or a function value the rule cannot follow.
package providershutdown
