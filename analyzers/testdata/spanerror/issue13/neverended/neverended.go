// Package neverended covers issue 13 item 7: a span the function never
// ends, defers or hands on is spanend's finding (never ended), once per
// span. spanerror does not report it again at every error return.
package neverended

import (
	"context"

	"go.opentelemetry.io/otel"
)

var t = otel.Tracer("neverended")

func f(context.Context) error { return errStub }

// Silent: a and b are never ended (spanend reports each once); the
// returns are not reported for each of them.
func neverEnded(ctx context.Context, n int) error {
	_, a := t.Start(ctx, "a")
	a.SetAttributes()
	_, b := t.Start(ctx, "b")
	b.AddEvent("x")
	if err := f(ctx); err != nil {
		return err
	}
	if n > 1 {
		return f(ctx)
	}
	return nil
}

// The span is ended on one path: the function owns it and owes the error
// on the others (spanend reports the leak, spanerror the unrecorded
// error).
func partly(ctx context.Context) error {
	ctx, span := t.Start(ctx, "partly")
	if err := f(ctx); err != nil {
		return err // want `error returned while span "partly" is live`
	}
	span.End()
	return nil
}

// The span is ended in a closure: it counts as ended somewhere.
func inClosure(ctx context.Context) error {
	ctx, span := t.Start(ctx, "closure")
	done := func() { span.End() }
	if err := f(ctx); err != nil {
		done()
		return err // want `error returned while span "closure" is live`
	}
	done()
	return nil
}
