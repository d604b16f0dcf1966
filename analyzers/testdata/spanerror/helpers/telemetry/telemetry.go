// Package telemetry is a tracing helper package: facts summarise it.
package telemetry

import (
	"context"

	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// Finish records err, if any, and ends the span.
func Finish(span trace.Span, err error) {
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	span.End()
}

// FinishPtr is Finish for a deferred call with a named error result.
func FinishPtr(span trace.Span, err *error) {
	Finish(span, *err)
}

// Fail records err and returns it.
func Fail(span trace.Span, err error) error { // want Fail:"preservesExpected\\(1\\)"
	span.RecordError(err)
	span.SetStatus(codes.Error, err.Error())
	return err
}

// FailContext records err on the span ctx carries (the caller's) and
// returns it.
func FailContext(ctx context.Context, err error) error { // want FailContext:"preservesExpected\\(1\\)"
	trace.SpanFromContext(ctx).RecordError(err)
	trace.SpanFromContext(ctx).SetStatus(codes.Error, err.Error())
	return err
}
