// Package goctx defines an Analyzer that reports goroutines that drop the
// context in scope and start from context.Background() or context.TODO().
//
// # Analyzer goctx
//
// goctx: check that goroutines carry the context in scope
//
// The context carries the active span. Work started in another goroutine
// from context.Background() or context.TODO(), while a context is in scope,
// loses it: every span the goroutine starts is the root of a new, orphan
// trace, so the request's trace shows a gap where that work happened, and
// the work ignores the request's cancellation and deadline.
//
// The rule looks at the body of each go statement, and of the functions
// passed to errgroup.Group.Go and TryGo, sync.WaitGroup.Go and
// goroutine-spawning helpers (found by facts, across packages), in a
// function that has a context in scope (a context.Context parameter or
// variable, or an *http.Request whose Context() is available); at the
// arguments of go f(...); and at go f() where f takes no context and
// starts from a fresh one (a fact).
//
// Bad:
//
//	func handle(w http.ResponseWriter, r *http.Request) {
//		go func() {
//			audit(context.Background(), r.URL.Path) // want: goroutine starts from context.Background() while a context is in scope
//		}()
//	}
//
// Good:
//
//	func handle(w http.ResponseWriter, r *http.Request) {
//		ctx := context.WithoutCancel(r.Context()) // keeps the trace, outlives the request
//		go func() {
//			audit(ctx, r.URL.Path)
//		}()
//	}
//
// Not findings: anything in a _test.go file (a test is a program entry);
// the context passed or captured; a long-lived worker loop
// started from a fresh context on purpose (a dispatcher started by
// SetConfig that runs until Stop, a poller: the starter's context ends
// first, and chaining every iteration into its trace would make one
// unbounded trace), recognised from the goroutine's shape: a loop at the
// top of its body (for { ... }, for ctx.Err() == nil, for
// !s.IsShutdown(), for range over a channel), also in a function it calls (go d.run(context.Background()),
// go func() { d.run(...) }(); across packages by a workerLoop fact), or a
// goroutine that re-arms itself by calling the function that started it
// (a poller scheduling its next round), while a bounded loop over a slice
// is no worker; a context in scope that carries
// no trace: a fresh root, including one made by a function that returns
// only contexts derived from Background or TODO (a wrapper around
// signal.NotifyContext(context.Background(), ...), by fact across
// packages); a context in scope that is already over: cleanup after
// <-ctx.Done() or in a select case on ctx.Done() (go
// srv.Shutdown(context.Background())) must use a fresh context;
// context.WithoutCancel(ctx)
// to detach on purpose (the trace survives); a deliberate new root that
// carries a span or links to the current one
// (trace.ContextWithSpan(context.Background(), span), a Start with
// trace.WithLinks); goroutines in a function with no context in scope
// (main, a worker loop); goroutines that use no context at all.
//
// The suggested fix replaces context.Background() or context.TODO() with
// context.WithoutCancel(ctx): the goroutine keeps the trace and, as before,
// is not cancelled with the request. It is offered when exactly one
// context is in scope.
//
// The reference service shows the consequence at run time:
// refservice/antipatterns/goctx.go starts an orphan trace.
//
// The fix keeps the detachment the code asked for (no cancellation) and
// restores the trace, which is why it is WithoutCancel(ctx) rather than
// ctx itself.
//
// # Limitations
//
// Only contexts held in variables count as in scope (not fields); a
// context variable that is ever assigned something other than a fresh
// root counts as carrying a trace everywhere in the function.
//
// Generated files (a "// Code generated ... DO NOT EDIT." header) are not
// checked.
package goctx
