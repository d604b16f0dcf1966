// Package tel is a team's tracing helper package, as found in real code:
// wrappers that start spans for their callers and helpers that end them.
// Facts summarise them; nothing is configured.
package tel

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("tel")

// Start starts a span the caller owns.
func Start(ctx context.Context, name string) (context.Context, trace.Span) {
	return tracer.Start(ctx, name)
}

// StartNamed starts a span through a local variable.
func StartNamed(ctx context.Context, name string) (context.Context, trace.Span) {
	ctx, span := tracer.Start(ctx, name, trace.WithSpanKind(trace.SpanKindInternal))
	span.SetAttributes()
	return ctx, span
}

// End ends the span and records the error it points at, the ory/x otelx.End idiom.
func End(span trace.Span, err *error) {
	if err != nil && *err != nil {
		span.RecordError(*err)
		span.SetStatus(codes.Error, (*err).Error())
	}
	span.End()
}

// Finish calls End: facts propagate through helpers of helpers.
func Finish(err error, span trace.Span) {
	End(span, &err)
}

// Annotate uses the span but does not end it.
func Annotate(span trace.Span, msg string) {
	span.AddEvent(msg)
}
