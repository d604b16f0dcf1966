package dropped

import (
	"context"

	"go.opentelemetry.io/otel/trace"
)

// Regression (otelgrpc stats handler): the span dropped with _ lives on in
// the returned context, and a later callback ends it through
// trace.SpanFromContext. Silent.
type key struct{}

func tagRPC(ctx context.Context, t trace.Tracer) context.Context {
	ctx, _ = t.Start(ctx, "rpc")
	return context.WithValue(ctx, key{}, true)
}

func handleEnd(ctx context.Context) {
	trace.SpanFromContext(ctx).End()
}

// Silent: the function ends the span through the context itself.
func endsThroughContext(ctx context.Context, t trace.Tracer) {
	ctx, _ = t.Start(ctx, "self")
	defer trace.SpanFromContext(ctx).End()
}

// Silent: a borrowed span variable is ended.
func endsBorrowedVar(ctx context.Context, t trace.Tracer) {
	ctx, _ = t.Start(ctx, "var")
	span := trace.SpanFromContext(ctx)
	defer span.End()
}

// Silent: a helper ends the span its context carries (a fact).
func endsThroughHelper(ctx context.Context, t trace.Tracer) {
	ctx, _ = t.Start(ctx, "helper")
	defer handleEnd(ctx)
}

type hook struct{ ctx context.Context }

// Silent: the context is stored for a later callback.
func (h *hook) before(ctx context.Context, t trace.Tracer) {
	ctx, _ = t.Start(ctx, "stored")
	h.ctx = ctx
}

func use(context.Context) {}

// The context is only used locally: nobody can end the span.
func usedLocally(ctx context.Context, t trace.Tracer) {
	ctx, _ = t.Start(ctx, "local") // want `span "local" is dropped with _ and never ended`
	use(ctx)
}

// Only annotating the borrowed span does not end it.
func annotatedOnly(ctx context.Context, t trace.Tracer) {
	ctx, _ = t.Start(ctx, "annotated") // want `span "annotated" is dropped with _ and never ended`
	trace.SpanFromContext(ctx).AddEvent("x")
}
