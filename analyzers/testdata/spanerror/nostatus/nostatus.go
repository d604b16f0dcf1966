// Package nostatus covers -spanerror.status=false: RecordError alone is
// accepted, a failure reported with neither call still is not.
package nostatus

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("nostatus")

func fetch(context.Context) error { return errStub }

// Silent with -spanerror.status=false.
func recordOnly(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "record")
	defer span.End()
	if err := fetch(ctx); err != nil {
		span.RecordError(err)
		return err
	}
	return nil
}

func neither(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "neither")
	defer span.End()
	return fetch(ctx) // want `error returned while span "neither" is live`
}
