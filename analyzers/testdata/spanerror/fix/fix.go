// Package fix covers the fix for a RecordError that stands alone.
package fix

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("fix")

func fetch(context.Context) error { return errStub }

func half(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "half")
	defer span.End()
	if err := fetch(ctx); err != nil {
		span.RecordError(err)
		return err // want `span "half" records the error but its status is not set to codes.Error`
	}
	return nil
}
