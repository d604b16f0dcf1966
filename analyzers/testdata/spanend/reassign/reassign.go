// Package reassign covers a span variable overwritten by a second Start
// while the first span is live, and spans started per iteration where only
// the last is ended.
package reassign

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("reassign")

func overwritten(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "first") // want `span "first" is overwritten before it is ended`
	span.AddEvent("working")
	ctx, span = tracer.Start(ctx, "second")
	defer span.End()
	_ = ctx
}

func onlyLastEnded(ctx context.Context, names []string) {
	var span trace.Span
	for _, n := range names {
		_, span = tracer.Start(ctx, n) // want `span started by tracer.Start at line 26 is started again before it is ended`
	}
	if span != nil {
		span.End()
	}
}

// Silent: the first span is ended before the variable is reused.
func sequential(ctx context.Context) {
	_, span := tracer.Start(ctx, "one")
	span.End()
	_, span = tracer.Start(ctx, "two")
	span.End()
}

// Silent: each deferred End binds the span it was given.
func deferredEach(ctx context.Context) {
	_, span := tracer.Start(ctx, "one")
	defer span.End()
	_, span = tracer.Start(ctx, "two")
	defer span.End()
}
