// Package endforms covers issue 13 item 6: End called as a method
// expression, or through a method value, ends the span.
package endforms

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var t = otel.Tracer("endforms")

func work(context.Context) error { return nil }

// Silent: the method expression ends the span at return.
func methodExprDefer(ctx context.Context) error {
	ctx, span := t.Start(ctx, "expr")
	defer trace.Span.End(span)
	return work(ctx)
}

// Silent: the method expression ends the span, with options.
func methodExprCall(ctx context.Context) error {
	ctx, span := t.Start(ctx, "exprcall")
	err := work(ctx)
	trace.Span.End(span, trace.WithStackTrace(true))
	return err
}

// Silent: a method value bound to a variable and deferred.
func methodValueDefer(ctx context.Context) error {
	ctx, span := t.Start(ctx, "value")
	end := span.End
	defer end()
	return work(ctx)
}

// Silent: the method value called directly on every path.
func methodValueCall(ctx context.Context) error {
	ctx, span := t.Start(ctx, "valuecall")
	end := span.End
	if err := work(ctx); err != nil {
		end()
		return err
	}
	end()
	return nil
}

// Silent: a method expression bound to a variable.
func methodExprValue(ctx context.Context) error {
	end := trace.Span.End
	ctx, span := t.Start(ctx, "exprvalue")
	defer end(span)
	return work(ctx)
}

// The method expression ends the span on one path only.
func methodExprPartly(ctx context.Context) error {
	ctx, span := t.Start(ctx, "partly") // want `span "partly" is not ended on all paths`
	if err := work(ctx); err != nil {
		return err
	}
	trace.Span.End(span)
	return nil
}
