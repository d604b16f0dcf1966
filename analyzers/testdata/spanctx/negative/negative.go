// Package negative holds idioms that must stay silent.
package negative

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("negative")

func load(context.Context) {}

// Silent: a deliberate new root.
func newRoot(ctx context.Context) {
	_, span := tracer.Start(context.Background(), "root", trace.WithNewRoot())
	defer span.End()
	load(ctx)
}

// Silent: no context in scope.
func main() {
	ctx, span := tracer.Start(context.Background(), "main")
	defer span.End()
	load(ctx)
}

// Silent: a leaf span: nothing is called with the old context while it lives.
func leaf(ctx context.Context) int {
	_, span := tracer.Start(ctx, "leaf")
	defer span.End()
	return 42
}

// Silent: the old context is used after the span has ended.
func afterEnd(ctx context.Context) {
	_, span := tracer.Start(ctx, "short")
	span.AddEvent("x")
	span.End()
	load(ctx)
}

// Silent: the returned context is bound and used.
func bound(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "bound")
	defer span.End()
	load(ctx)
}

// Silent: a context per iteration.
func perIteration(ctx context.Context, items []string) {
	for _, it := range items {
		ictx, span := tracer.Start(ctx, it)
		load(ictx)
		span.End()
	}
}

// Silent: the only context in scope is itself a fresh root (tests, main).
func freshScope() {
	ctx := context.Background()
	_, span := tracer.Start(context.Background(), "test")
	defer span.End()
	_ = ctx
}

// Silent: a new root linked afterwards to the caller's span (openfga's
// cache controller).
func linkedLater(parentCtx context.Context) {
	_, span := tracer.Start(context.Background(), "refresh")
	defer span.End()
	span.AddLink(trace.LinkFromContext(parentCtx))
}

// Silent: a new root carried on in the caller's context (loki's ruler
// notifier).
func carriedOn(ctx context.Context) {
	_, sp := tracer.Start(context.Background(), "notify")
	defer sp.End()
	ctx = trace.ContextWithSpan(ctx, sp)
	load(ctx)
}

// Silent: the caller's span links to the new root (openfga's cache
// controller, verbatim shape).
func linkedFromParent(parentCtx context.Context) {
	ctx, span := tracer.Start(context.Background(), "refresh")
	defer span.End()
	link := trace.LinkFromContext(ctx)
	trace.SpanFromContext(parentCtx).AddLink(link)
}

// Silent: a new root linked to the caller's span at Start.
func linkedAtStart(ctx context.Context) {
	_, span := tracer.Start(context.Background(), "batch", trace.WithLinks(trace.LinkFromContext(ctx)))
	defer span.End()
}
