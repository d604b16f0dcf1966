// Package fix covers the suggested fix: defer span.End() after the Start.
package fix

import (
	"context"

	"go.opentelemetry.io/otel"
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
