package fix

import (
	"context"
)

// No fix: both codes and otelcodes are taken where the status would be
// set.
func taken(ctx context.Context) error {
	codes, otelcodes := []int{1}, 2
	ctx, span := tracer.Start(ctx, "taken")
	defer span.End()
	if err := fetch(ctx); err != nil {
		span.RecordError(err)
		return err // want `span "taken" records the error but its status is not set to codes.Error`
	}
	_, _ = codes, otelcodes
	return nil
}
