// Package tel is a team's tracing helper: its callers start spans through
// it and need not import the OTel API themselves.
package tel

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

// Start starts a span its caller owns.
func Start(ctx context.Context, name string) (context.Context, trace.Span) {
	return otel.Tracer("tel").Start(ctx, name)
}
