// Package fix covers the suggested fix.
package fix

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("fix")

func audit(context.Context, string) {}

func spawn(ctx context.Context) {
	go func() {
		audit(context.Background(), "x") // want `goroutine starts from context.Background\(\)`
	}()
}
