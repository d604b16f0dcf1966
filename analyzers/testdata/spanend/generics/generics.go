// Package generics covers Tracer.Start reached through a type parameter, a
// method value, a concrete tracer and a dot import.
package generics

import (
	"context"

	. "go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

func generic[T Tracer](ctx context.Context, t T) {
	_, span := t.Start(ctx, "generic") // want `span "generic" is not ended on all paths`
	_ = span
}

func methodValue(ctx context.Context, t Tracer) {
	start := t.Start
	_, span := start(ctx, "value") // want `span "value" is not ended on all paths`
	_ = span
}

func concrete(ctx context.Context) {
	var t noop.Tracer
	_, span := t.Start(ctx, "noop") // want `span "noop" is not ended on all paths`
	_ = span
}

// Silent: ended through the generic helper.
func end[S Span](s S) {
	s.End()
}

func genericEnd(ctx context.Context, t Tracer) {
	_, span := t.Start(ctx, "ended")
	end(span)
}
