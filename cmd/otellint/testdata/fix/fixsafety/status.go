package fixsafety

import (
	"context"
	"errors"
)

// Status records an error without setting the status: the fix adds the
// SetStatus call and the codes import, and compiles.
func Status(ctx context.Context) error {
	_, span := t.Start(ctx, "status")
	defer span.End()
	if err := errors.New("x"); err != nil {
		span.RecordError(err)
		return err
	}
	return nil
}
