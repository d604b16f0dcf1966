// Package basic covers failing paths whose error is not recorded on the
// live span, recorded by half, or hidden behind codes.Ok.
package basic

import (
	"context"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
)

var tracer = otel.Tracer("basic")

func fetch(context.Context, string) error { return errStub }

func notRecorded(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "load")
	defer span.End()
	if err := fetch(ctx, id); err != nil {
		return err // want `error returned while span "load" is live, without RecordError and SetStatus\(codes.Error, ...\) \(the trace shows the failed operation as OK\)`
	}
	return nil
}

func wrapped(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "wrap")
	defer span.End()
	if err := fetch(ctx, id); err != nil {
		return fmt.Errorf("fetch %s: %w", id, err) // want `error returned while span "wrap" is live`
	}
	return errors.New("always") // want `error returned while span "wrap" is live`
}

func direct(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "direct")
	defer span.End()
	return fetch(ctx, id) // want `error returned while span "direct" is live`
}

func recordOnly(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "half")
	defer span.End()
	err := fetch(ctx, id)
	if err != nil {
		span.RecordError(err)
		return err // want `span "half" records the error but its status is not set to codes.Error \(RecordError alone leaves the status Unset: the backend shows the span as OK\)`
	}
	return nil
}

// Silent by default: the Error status with a description reports the
// failure (-spanerror.record=true asks for RecordError too; see config).
func statusOnly(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "status")
	defer span.End()
	if err := fetch(ctx, id); err != nil {
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	return nil
}

func okStatus(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "ok")
	defer span.End()
	err := fetch(ctx, id)
	span.SetStatus(codes.Ok, "done")
	return err // want `span "ok" is set to codes.Ok on a path that returns an error`
}

// A deferred closure that only ends the span covers nothing.
func deferOnlyEnds(ctx context.Context, id string) (err error) {
	ctx, span := tracer.Start(ctx, "deferred")
	defer func() { span.End() }()
	err = fetch(ctx, id)
	return // want `error returned while span "deferred" is live`
}

// One branch records, the other forgets.
func oneBranch(ctx context.Context, id string, retry bool) error {
	ctx, span := tracer.Start(ctx, "branch")
	defer span.End()
	err := fetch(ctx, id)
	if err == nil {
		return nil
	}
	if retry {
		return err // want `error returned while span "branch" is live`
	}
	span.RecordError(err)
	span.SetStatus(codes.Error, err.Error())
	return err
}
