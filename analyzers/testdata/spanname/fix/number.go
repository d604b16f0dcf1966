package fix

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

type request struct{ UserID int64 }

// The fix takes the last use of fmt: the import goes.
func number(ctx context.Context, req request) {
	_, span := tracer.Start(ctx, fmt.Sprintf("load user %d", req.UserID)) // want `span name is built from req\.UserID, `
	defer span.End()
	span.SetAttributes(attribute.Bool("cached", false))
	_ = trace.SpanKindServer
}
