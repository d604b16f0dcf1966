// Package tel is the shop's tracing helper package.
package tel

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// Start starts a span owned by the caller.
func Start(ctx context.Context, name string) (context.Context, trace.Span) {
	return otel.Tracer("shop").Start(ctx, name)
}

// End records *err on span, if any, and ends it.
func End(span trace.Span, err *error) {
	if err != nil && *err != nil {
		span.RecordError(*err)
		span.SetStatus(codes.Error, (*err).Error())
	}
	span.End()
}
