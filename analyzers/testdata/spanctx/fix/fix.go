// Package fix covers the suggested fixes.
package fix

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("fix")

func load(context.Context) {}

func dropped(ctx context.Context) {
	_, span := tracer.Start(ctx, "parent") // want `the context returned by Start for span "parent" is dropped`
	defer span.End()
	load(ctx)
}

func orphan(ctx context.Context) {
	_, span := tracer.Start(context.Background(), "orphan") // want `span "orphan" starts from context.Background\(\) while ctx is in scope`
	defer span.End()
}
