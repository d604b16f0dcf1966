// Package use calls the telemetry helpers across a package boundary.
package use

import (
	"context"

	"go.opentelemetry.io/otel"

	"example.com/testdata/spanerror/helpers/telemetry"
)

var tracer = otel.Tracer("use")

func fetch(context.Context) error { return errStub }

// Silent: Finish records and ends.
func finish(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "finish")
	err := fetch(ctx)
	telemetry.Finish(span, err)
	return err
}

// Silent: defer FinishPtr(span, &err).
func finishPtr(ctx context.Context) (err error) {
	ctx, span := tracer.Start(ctx, "ptr")
	defer telemetry.FinishPtr(span, &err)
	return fetch(ctx)
}

// Silent: return Fail(span, err).
func fail(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "fail")
	defer span.End()
	if err := fetch(ctx); err != nil {
		return telemetry.Fail(span, err)
	}
	return nil
}

func forgot(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "forgot")
	defer span.End()
	return fetch(ctx) // want `error returned while span "forgot" is live`
}
