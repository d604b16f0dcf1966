package fix

import (
	"context"

	oc "go.opentelemetry.io/otel/codes"
)

var unset = oc.Unset

// The file imports codes as oc, which the local codes does not shadow.
func aliased(ctx context.Context) error {
	codes := []int{1}
	ctx, span := tracer.Start(ctx, "aliased")
	defer span.End()
	if err := fetch(ctx); err != nil {
		span.RecordError(err)
		return err // want `span "aliased" records the error but its status is not set to codes.Error`
	}
	_ = codes
	return nil
}
