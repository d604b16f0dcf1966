// Package spanctx defines an Analyzer that reports spans attached to the
// wrong parent.
//
// # Analyzer spanctx
//
// spanctx: check that spans start from, and hand on, the right context
//
// A span's parent is whatever span the context given to Start carries, and
// its children find it only through the context that Start returns. Three
// mistakes break that chain:
//
//   - tracer.Start(context.Background(), ...) (or TODO) while a context is
//     in scope, including a handler's r.Context(): the span is the root of a
//     new, orphan trace instead of a child of the request;
//   - Start's returned context thrown away (assigned to _, or to a
//     variable never read but by _ = sctx) while the old context, or one
//     derived from it (context.WithTimeout(ctx, ...)), keeps being passed
//     during the span's life to a call that can start a span: every child
//     of the span becomes its sibling;
//   - ctx, span = tracer.Start(ctx, ...) inside a loop, reassigning a
//     context declared outside it: each iteration's span nests under the
//     previous one, a staircase instead of siblings.
//
// Bad:
//
//	func handle(w http.ResponseWriter, r *http.Request) {
//		_, span := tracer.Start(r.Context(), "handle")
//		defer span.End()
//		load(r.Context()) // want: the context returned by Start for span "handle" is dropped
//	}
//
// Good:
//
//	func handle(w http.ResponseWriter, r *http.Request) {
//		ctx, span := tracer.Start(r.Context(), "handle")
//		defer span.End()
//		load(ctx)
//	}
//
// A call can start a span from the old context when it is a span start; a
// function value or an interface method whose implementations are not all
// known (in its package, facts sum them up); a function whose fact says the
// context reaches such a call (computed to a fixed point in its package and
// carried across packages); a function of a package, loaded without
// syntax, whose dependency closure reaches the OTel trace API; a package
// that runs user-installed instrumentation (gRPC, Connect, database/sql and
// its drivers, go-redis, pgx, the Mongo and AWS SDKs); an *http.Request
// built with the context; a propagator's Inject. It cannot when the callee
// ignores its context (_ context.Context, or never read), only reads values
// from it (ctx.Value) or only waits on Done() and Err(); for the standard
// library otherwise, the OTel metric, log and baggage APIs, the trace API's
// context helpers (SpanFromContext); and for packages, and third-party
// interfaces, whose dependency closure does not reach the trace API (an
// expression evaluator, a validator). A channel send of the old context is
// not such a call, and neither is a call in a goroutine that nothing waits
// for (Wait, a channel receive) before the span ends: such workers outlive
// the span on purpose. Nor is a call that is also handed a function ending
// the span (an interceptor wrapper's shim handler): the span ends before
// the work that gets the old context. A dropped context is no finding when
// the span is put back into a context afterwards (ctx =
// trace.ContextWithSpan(ctx, span)).
//
// Not findings: a Start from a fresh context with trace.WithNewRoot(),
// linked to another span (trace.WithLinks, span.AddLink, or the caller's
// span linking to it), or carried on with trace.ContextWithSpan; where no
// context is in scope (main, a worker loop), where the contexts in scope
// are fresh roots (Background, TODO, or the result of a function that
// returns only such roots, like a signal.NotifyContext(context.Background(),
// ...) wrapper: a fact) or are over (after <-ctx.Done(), in a select case
// on ctx.Done(): cleanup must start fresh), in a goroutine body started
// where a context is in scope (goctx reports it, or accepts it as a worker
// loop: one finding for one mistake), or in a _test.go file (a test
// is a program entry); a leaf span whose
// context is not needed (nothing is called with the old context while it
// lives); a call with the old context after the span has ended; a loop
// that declares its own context (ctx, span := ...) per iteration.
//
// Suggested fix, where unambiguous: bind the returned context to the
// variable that was passed in (ctx, span := tracer.Start(ctx, ...)).
//
// The reference service shows the consequence at run time:
// refservice/antipatterns/spanctx.go makes a child a sibling.
//
// # Limitations
//
// The span's life is taken from source order: from the Start to the first
// End call that is not deferred, or to the end of the function. Contexts
// are followed flow-insensitively: a variable that once holds the old
// context counts as holding it everywhere. Under the standalone driver, a
// dependency loaded from export data is judged by the packages its API
// mentions, so one that traces only inside function bodies is missed.
// Callbacks given to a library without tracing are not followed.
//
// When the span's name is not a constant, messages name the span by where
// it starts (span started by tracer.Start at line 12).
package spanctx
