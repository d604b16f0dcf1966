// Package syncexport defines an Analyzer that reports synchronous span
// export (sdktrace.WithSyncer, sdktrace.NewSimpleSpanProcessor) in
// production code.
//
// # Analyzer syncexport
//
// syncexport: check that production code exports spans in batches, not inside span.End
//
// sdktrace.WithSyncer(exp) registers a simple span processor, as
// sdktrace.NewSimpleSpanProcessor(exp) makes one: it calls the exporter
// for every span inside span.End, on the goroutine that ends the span,
// usually the request's. Every request then waits for a round trip to the
// collector, and a slow or unreachable collector becomes request latency
// (an OTLP exporter retries for up to a minute). The SDK's own
// documentation says these are not for production; sdktrace.WithBatcher
// and sdktrace.NewBatchSpanProcessor queue the span and export in the
// background.
//
// Every call of WithSyncer or NewSimpleSpanProcessor is reported where it
// is written, once, whether it is passed to NewTracerProvider directly,
// built in a slice of options or returned by a helper.
//
// Bad:
//
//	tp := sdktrace.NewTracerProvider(
//		sdktrace.WithSyncer(exp), // want: sdktrace.WithSyncer exports every span inside span.End on the request's goroutine (...)
//	)
//
// Good:
//
//	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
//	defer tp.Shutdown(ctx) // a batcher holds spans: flush them at exit
//
// Not findings: test code (a _test.go file, a function or function
// literal that takes a *testing.T, *testing.B, *testing.F or testing.TB,
// a test-support package: an element of the import path such as
// testutil, mocks, fakes or ending in test), where synchronous export
// makes spans visible at once; an exporter that keeps spans in memory, by
// type (a *tracetest.InMemoryExporter, also through a local
// sdktrace.SpanExporter variable assigned one). A tracetest.SpanRecorder
// is a span processor itself and needs neither. Example programs and
// demos are checked: a demo exports synchronously to show its spans at
// once, and the services copied from it then wait for their collector.
//
// The suggested fix replaces WithSyncer with WithBatcher and
// NewSimpleSpanProcessor with NewBatchSpanProcessor, on the same
// exporter. A batch processor holds spans until its next export: the
// program must shut the provider down before it exits, or it loses the
// spans still queued.
//
// The reference service shows the consequence at run time:
// refservice/antipatterns/syncexport.go makes each request wait for a slow
// exporter.
//
// # Limitations
//
// An exporter passed in as a parameter is not followed to the callers: a
// production helper that takes its exporter and wraps it in WithSyncer is
// reported even if only tests call it. A command-line program that exports
// a handful of spans may choose synchronous export on purpose; suppress
// the finding there with a reason (//otellint:ignore syncexport -- ...).
//
// Generated files (a "// Code generated ... DO NOT EDIT." header) are not
// checked.
package syncexport
