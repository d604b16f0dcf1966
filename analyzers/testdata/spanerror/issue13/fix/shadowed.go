// Package fix covers issue 13's broken fix: span.SetStatus(codes.Error, ...)
// where a local variable named codes is in scope. The fix uses the file's
// import name when it is not shadowed, else imports the package under a
// free name, else is not offered.
package fix

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
)

var tracer = otel.Tracer("fix")

func fetch(context.Context) error { return errStub }

var okCode = codes.Ok

// The file's codes is shadowed: the fix imports the package again as
// otelcodes.
func shadowed(ctx context.Context) (int, error) {
	codes := []int{1}
	ctx, span := tracer.Start(ctx, "shadowed")
	defer span.End()
	if err := fetch(ctx); err != nil {
		span.RecordError(err)
		return 0, err // want `span "shadowed" records the error but its status is not set to codes.Error`
	}
	return codes[0], nil
}
