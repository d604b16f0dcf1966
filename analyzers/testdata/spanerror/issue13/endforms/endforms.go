// Package endforms covers issue 13 item 6 for spanerror: End called as a
// method expression, or through a method value, ends the span.
package endforms

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var t = otel.Tracer("endforms")

func f(context.Context) error { return errStub }

// The deferred method expression ends the span at exit: the error is
// returned while it is live.
func deferred(ctx context.Context) error {
	ctx, span := t.Start(ctx, "deferred")
	defer trace.Span.End(span)
	if err := f(ctx); err != nil {
		return err // want `error returned while span "deferred" is live`
	}
	return nil
}

// Silent: the method expression ends the span before the error returns.
func endedFirst(ctx context.Context) error {
	ctx, span := t.Start(ctx, "first")
	err := f(ctx)
	trace.Span.End(span)
	return err
}

// Silent: the method value ends the span before the error returns.
func methodValue(ctx context.Context) error {
	ctx, span := t.Start(ctx, "value")
	end := span.End
	err := f(ctx)
	end()
	return err
}
