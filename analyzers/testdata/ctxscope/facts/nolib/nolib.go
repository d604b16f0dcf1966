// Package nolib has no tracing: its closure does not reach the trace API. // want package:"analysed"
package nolib

import "context"

// Wait waits on its context only.
func Wait(ctx context.Context) error {
	<-ctx.Done()
	return ctx.Err()
}

// Call runs f with ctx: an unknown function, but in a package that cannot
// reach the trace API the caller's rule does not ask.
func Call(ctx context.Context, f func(context.Context)) { // want Call:"ctxReachesSpans\\(0\\)"
	f(ctx)
}
