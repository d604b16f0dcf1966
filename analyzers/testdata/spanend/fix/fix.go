// Package fix covers the suggested fix: defer span.End() after the Start.
package fix

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("fix")

func work(context.Context) error { return nil }

func neverEnded(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "never") // want `span "never" is not ended on all paths`
	span.SetAttributes()
	return work(ctx)
}

func nested(ctx context.Context, ok bool) {
	if ok {
		ctx, sp := tracer.Start(ctx, "nested") // want `span "nested" is not ended on all paths`
		_ = work(ctx)
		sp.AddEvent("done")
	}
}

// No fix: the span is ended on one path, so a defer would change when it ends.
func partly(ctx context.Context, ok bool) error {
	ctx, span := tracer.Start(ctx, "partly") // want `span "partly" is not ended on all paths`
	if ok {
		return nil
	}
	span.End()
	return work(ctx)
}

var errClosed = errors.New("closed")

// startCall returns no span when it fails: (ctx, nil, err).
func startCall(ctx context.Context, closed bool) (context.Context, trace.Span, error) {
	if closed {
		return ctx, nil, errClosed
	}
	ctx, span := tracer.Start(ctx, "call")
	return ctx, span, nil
}

// No fix: a defer right after the start would call End on the nil span
// that a failed start returns.
func call(ctx context.Context, closed bool) error {
	ctx, span, err := startCall(ctx, closed) // want `span started by startCall at line 54 is not ended on all paths`
	if err != nil {
		return err
	}
	span.AddEvent("sent")
	return work(ctx)
}
