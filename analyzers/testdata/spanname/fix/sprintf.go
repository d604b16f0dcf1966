package fix

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// fmt keeps another use: the import stays.
func sprintf(ctx context.Context, accountID string) {
	_, span := tracer.Start(ctx, fmt.Sprintf("GET account %s", accountID), trace.WithSpanKind(trace.SpanKindServer)) // want `span name is built from accountID, `
	defer span.End()
	span.SetAttributes(attribute.Bool("cached", false))
	fmt.Println("done")
}
