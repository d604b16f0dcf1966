package fix

import (
	"context"
)

// The file does not import codes and a local codes is in scope: the fix
// imports it as otelcodes.
func noImport(ctx context.Context) error {
	codes := []int{1}
	ctx, span := tracer.Start(ctx, "noimport")
	defer span.End()
	if err := fetch(ctx); err != nil {
		span.RecordError(err)
		return err // want `span "noimport" records the error but its status is not set to codes.Error`
	}
	_ = codes
	return nil
}
