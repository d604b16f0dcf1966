// Package onefix has one finding, which its fix removes.
package onefix

import (
	"context"

	"go.opentelemetry.io/otel"
)

// Audit never ends its span.
func Audit(ctx context.Context) {
	_, span := otel.Tracer("onefix").Start(ctx, "audit")
	span.AddEvent("audit")
}
