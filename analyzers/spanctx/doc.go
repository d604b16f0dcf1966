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
//   - Start's returned context thrown away (assigned to _) while the old
//     context keeps being passed to calls during the span's life: every
//     child of the span becomes its sibling;
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
// Not findings: a Start from a fresh context with trace.WithNewRoot(),
// linked to another span (trace.WithLinks, span.AddLink, or the caller's
// span linking to it), or carried on with trace.ContextWithSpan; where no
// context is in scope (main, a worker loop) or in a _test.go file (a test
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
// End call that is not deferred, or to the end of the function.
package spanctx
