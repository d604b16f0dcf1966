package fix

import (
	"context"

	"go.opentelemetry.io/otel/codes"
)

var errorCode = codes.Error

// A local codes in another block does not shadow the import where the
// status is set.
func otherBlock(ctx context.Context, ok bool) error {
	if ok {
		codes := []int{1}
		_ = codes
	}
	ctx, span := tracer.Start(ctx, "otherblock")
	defer span.End()
	if err := fetch(ctx); err != nil {
		span.RecordError(err)
		return err // want `span "otherblock" records the error but its status is not set to codes.Error`
	}
	return nil
}
