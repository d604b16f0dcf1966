// Package wrappers covers issue 13 item 9: a span stored in a struct that
// embeds trace.Span, or in a local any, is handed over to that value:
// spanend stops tracking it and reports nothing, whether the value is
// ended through the embedded End or not (the latter is a known miss). A
// span whose Start assigns it to a local any is tracked in that variable.
package wrappers

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var t = otel.Tracer("wrappers")

func f(context.Context) error { return nil }

type wrapped struct {
	trace.Span
	op string
}

type holder struct {
	trace.Span
}

// Silent: the wrapper holds the span and ends it through the embedded End.
func endedThroughEmbedding(ctx context.Context) error {
	ctx, span := t.Start(ctx, "embedded")
	w := wrapped{Span: span, op: "x"}
	defer w.End()
	return f(ctx)
}

// Silent: storing the span in the wrapper hands it over, and the wrapper
// is not tracked (false negative: it is never ended).
func neverEndedWrapper(ctx context.Context) error {
	ctx, span := t.Start(ctx, "lost")
	w := wrapped{span, "x"}
	w.AddEvent("x")
	return f(ctx)
}

// Silent: the Start stores the span in a field of the embedding struct.
func startIntoField(ctx context.Context, h *holder) error {
	ctx, h.Span = t.Start(ctx, "field")
	return f(ctx)
}

// Silent: the span is handed to a local any, which ends it.
func inAny(ctx context.Context) error {
	ctx, span := t.Start(ctx, "any")
	var a any = span
	defer a.(trace.Span).End()
	return f(ctx)
}

// Silent: handed to a local any, which is never ended (false negative).
func inAnyNeverEnded(ctx context.Context) error {
	ctx, span := t.Start(ctx, "anylost")
	a := any(span)
	_ = a
	return f(ctx)
}

// Silent: the Start assigns the span to a local any, which ends it after
// a type assertion.
func startIntoAny(ctx context.Context) error {
	var a any
	ctx, a = t.Start(ctx, "startany")
	defer a.(trace.Span).End()
	return f(ctx)
}

// The Start assigns the span to a local any, which is tracked like a span
// variable and never ended.
func startIntoAnyNeverEnded(ctx context.Context) error {
	var a any
	ctx, a = t.Start(ctx, "startanylost") // want `span "startanylost" is not ended on all paths`
	_ = a
	return f(ctx)
}
