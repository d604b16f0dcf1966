// Package telemetry stands for a tracing helper module that a service
// depends on (like ory/x/otelx): otellint must summarise its helpers with
// facts even though it is not part of the module being linted.
package telemetry

import (
	"context"

	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// Start starts a span owned by the caller.
func Start(ctx context.Context, t trace.Tracer, name string) (context.Context, trace.Span) {
	return t.Start(ctx, name)
}

// End records *err on span and ends it.
func End(span trace.Span, err *error) {
	if err != nil && *err != nil {
		span.RecordError(*err)
		span.SetStatus(codes.Error, (*err).Error())
	}
	span.End()
}

// Annotate adds an event; it does not end the span.
func Annotate(span trace.Span, msg string) {
	span.AddEvent(msg)
}
