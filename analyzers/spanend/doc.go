// Package spanend defines an Analyzer that reports spans that are not ended
// on every path.
//
// # Analyzer spanend
//
// spanend: check that every started span is ended on every path
//
// A span that is started must be ended exactly when its work ends. The OTel
// SDK exports a span only when End is called: a span that is never ended is
// lost from its trace (its children point at a parent that never arrives),
// and it stays in memory with its attributes and events for as long as
// something references it. A span ended too late (a defer inside a loop)
// reports a duration that is wrong and holds every iteration's span until
// the function returns.
//
// The check is path-sensitive, like vet's lostcancel: it follows the
// control-flow graph from each Start to every return, break, continue,
// branch, switch arm and select case, and reports a path on which the span
// is neither ended nor handed to an owner. Paths into a call that never
// returns (os.Exit, log.Fatal, panic, t.Fatal) are not findings.
//
// It also reports a span dropped with _ or never bound, a span variable
// overwritten by a second Start while the first span is live, spans started
// in a loop of which only the last is ended, and defer span.End() inside a
// loop, which ends every span only when the function returns.
//
// A span whose name is not a constant is named in messages by the call that
// starts it and its line: span started by tracer.Start at line 12.
//
// Bad:
//
//	func load(ctx context.Context, id string) error {
//		ctx, span := tracer.Start(ctx, "load") // want: span "load" is not ended on all paths (spans are lost or leak memory)
//		if id == "" {
//			return errMissing // this return leaks the span
//		}
//		defer span.End()
//		return fetch(ctx, id)
//	}
//
// Good:
//
//	func load(ctx context.Context, id string) error {
//		ctx, span := tracer.Start(ctx, "load")
//		defer span.End()
//		if id == "" {
//			return errMissing
//		}
//		return fetch(ctx, id)
//	}
//
// Ownership of a span moves, and the rule stops tracking it, when the span
// is returned to the caller; stored in a struct field, map, slice or global;
// put in a struct literal (a wrapper that embeds trace.Span, later ended
// through the embedded End) or in a local any; sent on a channel; captured
// by a deferred or spawned closure that ends it; or passed to a function
// that ends it. A Start that assigns its span straight to a local any
// (var a any; ctx, a = tracer.Start(ctx, "x")) is tracked in that
// variable, and a.(trace.Span).End() ends it. End is recognised as a
// call (span.End()), a method value (end := span.End; defer end()) and a
// method expression (defer trace.Span.End(span)). Helpers need no configuration:
// facts summarise, across packages and modules, a function that returns a
// new span it does not end (its callers own the span, so a call to it is a
// Start) and a function that ends its span parameter (so passing the span
// to it ends it, e.g. defer telemetry.End(span, &err)). A span obtained
// from trace.SpanFromContext is borrowed, never owned. Tracer.Start is
// recognised through the trace.Tracer interface, concrete tracers, type
// parameters and method values.
//
// A start helper that also returns an error usually returns no span when it
// fails (return ctx, nil, err): after ctx, span, err := startSpan(ctx, req),
// the branch where err is non-nil owns no span, in both the
// if err != nil { return err } and the if err == nil { ... } else { ... }
// shapes, as long as err still holds the start's error when it is tested.
// The helper's fact says when its body may return a started span together
// with an error that is not nil (neither the literal nil nor an error
// variable it returned on just before); then the span is owned on the
// error branch too and must be ended there. A helper configured with
// -spanend.start is taken to follow Go's convention: no span with an error.
//
// The context a Start returns carries the span. Returning it, storing it in
// a struct, field or global, or sending it (return ctx, &wrapped{ctx: ctx},
// ch <- job{ctx: ctx}) hands the span on to whoever ends
// trace.SpanFromContext(ctx) later (the stats-handler and query-hook
// idiom), but only on the paths through that statement: a return before it
// still leaks the span. A function that ends the span variable itself
// anywhere (span.End(), deferred or not, or a helper that ends it) owns the
// span whatever it does with the context, so every path must end it.
//
// defer span.End() in a loop is reported only when the span's work visibly
// ends in the iteration. It is not reported when something started in the
// iteration outlives it: a value made from the span or its context that can
// hold the context (a context, an interface other than error, a function, a
// channel, or a struct with such a field: an iterator, a reader, a client)
// is stored in a variable declared outside the loop, appended to one, stored
// in a field or element, sent or returned, or the context reaches a
// goroutine (go, errgroup's Go). Then the spans cover work that ends when
// the function returns (iterators opened in a loop and merged after it), and
// the defer is right. Plain results (records, strings, errors) kept after
// the loop do not count: their work is over.
//
// In test code (_test.go files, and functions that take a *testing.T, B, F
// or a testing.TB, with their closures) the spans usually come from a no-op
// or test provider, and nobody exports them. There a span dropped with _ or
// discarded is not reported, nor a span the test never ends at all (often on
// purpose), nor defer in a loop. A span that the test ends on some paths but
// not on others is still reported: the test's own logic is wrong.
//
// When the span is never ended on any path, the suggested fix inserts
// defer span.End() right after the Start statement (on the same line when
// the next statement shares it, as in a one-line function). It is not
// offered when the start also returns an error and no span with it (the
// deferred End would run on a nil span), when the context hands the span
// on, nor when the Start is not a statement of a block or case: the init
// statement of an if or switch (in the if's body the defer would not run
// when the condition is false, and after the statement the span's
// variable is out of scope) or a labelled statement.
//
// The reference service shows the consequence at run time:
// refservice/antipatterns/spanend.go leaks a span on an early return, and
// its test shows that span never exported and still open.
//
// # Configuration
//
//	-spanend.start=NAME[,NAME]  extra functions that start a span (their last
//	                            span result), by full name, e.g.
//	                            example.com/tel.Begin or (*example.com/tel.T).Open
//	-spanend.end=NAME[,NAME]    extra functions that end the first span they
//	                            are passed
//
// Both are needed only for code that facts cannot see, such as a helper
// called through an interface or a function value.
//
// Generated files (a "// Code generated ... DO NOT EDIT." header) are
// checked when their generator writes tracing wrappers whose template can
// be fixed: gowrap, whose decorators wrap every method of an interface in
// a span (the table is in analyzers/internal/otelapi). Their findings end
// with where the fix goes: "...; the file is generated by gowrap from
// template gowrap_template: fix the template and regenerate". Other
// generated files are skipped.
//
//	-spanend.generated=wrappers  (default) check only the files of
//	                             tracing-wrapper generators
//	-spanend.generated=all       check every generated file
//	-spanend.generated=none      check no generated file
//
// # Limitations
//
// A span handed to code the analyzer cannot see (an interface method, a
// function value, trace.ContextWithSpan) counts as handed over, so a leak
// behind such a call is missed. A deferred closure ends whatever span its
// variable holds when the function returns; a span overwritten before that
// is not reported. A span handed to a wrapper value (a struct that embeds
// trace.Span, any other struct, a local any) is not tracked in that value:
// a wrapper that is never ended is missed. A function that ends its span on some paths
// and hands the context that carries it to a later callback on others (a
// before-hook that ends the span only when it fails) is taken to own the
// span, so the hand-off paths are reported.
package spanend
