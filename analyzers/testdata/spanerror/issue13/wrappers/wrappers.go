// Package wrappers covers issue 13 item 9 for spanerror: a local variable
// that holds the span too (a struct literal of a type that embeds
// trace.Span, a local any, possibly asserted back to trace.Span) records
// and ends the span.
package wrappers

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var t = otel.Tracer("wrappers")

func f(context.Context) error { return errStub }

type wrapped struct {
	trace.Span
	op string
}

// Silent: the error is recorded through the wrapper's embedded span.
func recordedThroughEmbedding(ctx context.Context) error {
	ctx, span := t.Start(ctx, "rec")
	w := &wrapped{Span: span}
	defer w.End()
	if err := f(ctx); err != nil {
		w.RecordError(err)
		w.SetStatus(codes.Error, err.Error())
		return err
	}
	return nil
}

// The wrapper records nothing.
func notRecordedThroughEmbedding(ctx context.Context) error {
	ctx, span := t.Start(ctx, "notrec")
	w := &wrapped{Span: span}
	defer w.End()
	if err := f(ctx); err != nil {
		return err // want `error returned while span "notrec" is live`
	}
	return nil
}

// Silent: the wrapper ends the span before the error is returned.
func endedThroughEmbedding(ctx context.Context) error {
	ctx, span := t.Start(ctx, "ended")
	w := wrapped{span, "x"}
	err := f(ctx)
	w.End()
	return err
}

// Silent: recorded on the span kept as any, asserted back.
func startIntoAnyRecorded(ctx context.Context) error {
	var a any
	ctx, a = t.Start(ctx, "startanyrec")
	defer a.(trace.Span).End()
	if err := f(ctx); err != nil {
		a.(trace.Span).RecordError(err)
		a.(trace.Span).SetStatus(codes.Error, "failed")
		return err
	}
	return nil
}

// Silent: recorded through a local any that holds the span.
func inAnyRecorded(ctx context.Context) error {
	ctx, span := t.Start(ctx, "anyrec")
	defer span.End()
	var a any = span
	if err := f(ctx); err != nil {
		s := a.(trace.Span)
		s.RecordError(err)
		s.SetStatus(codes.Error, "failed")
		return err
	}
	return nil
}
