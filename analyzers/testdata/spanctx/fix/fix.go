// Package fix covers the suggested fixes.
package fix

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("fix")

// load starts a span of its own: a child of whatever span ctx carries.
func load(ctx context.Context) {
	_, span := tracer.Start(ctx, "load")
	span.End()
}

func dropped(ctx context.Context) {
	_, span := tracer.Start(ctx, "parent") // want `the context returned by Start for span "parent" is dropped`
	defer span.End()
	load(ctx)
}

func orphan(ctx context.Context) {
	_, span := tracer.Start(context.Background(), "orphan") // want `span "orphan" starts from context.Background\(\) while ctx is in scope`
	defer span.End()
}
