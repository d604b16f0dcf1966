// Package knownnil covers error variables whose value is known before the
// span starts: the walk starts from what every path to the start knows.
package knownnil

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("knownnil")

func load(context.Context, string) (string, error) { return "", errStub }
func store(context.Context, string) error          { return errStub }

// Silent: err is nil past the check before the start (jaeger's readers
// validate, then start the span).
func readTrace(ctx context.Context, id string) (string, error) {
	v, err := load(ctx, id)
	if err != nil {
		return "", err
	}
	ctx, span := tracer.Start(ctx, "readTrace")
	defer span.End()
	if v == "" {
		span.AddEvent("empty")
	}
	return v, err
}

// Silent: var err error is nil, and nothing assigns it before the return.
func plain(ctx context.Context) error { // want plain:"expectedError"
	var err error
	ctx, span := tracer.Start(ctx, "plain")
	defer span.End()
	_ = ctx
	return err
}

// Reported: on one path into the start err is not nil.
func onePath(ctx context.Context, id string, force bool) error {
	_, err := load(ctx, id)
	if err != nil && !force {
		return err
	}
	ctx, span := tracer.Start(ctx, "onePath")
	defer span.End()
	return err // want `error returned while span "onePath" is live`
}

// Reported: the start itself assigns err.
func fromStart(ctx context.Context, id string) error {
	err := errors.New("x")
	if err != nil {
		err = nil
	}
	ctx, span, err := startWith(ctx, id)
	defer span.End()
	if err != nil {
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	err = store(ctx, id)
	return err // want `error returned while span started by startWith at line 60 is live`
}

func startWith(ctx context.Context, id string) (context.Context, trace.Span, error) { // want startWith:"expectedError"
	ctx, span := tracer.Start(ctx, "fromStart")
	return ctx, span, nil
}

// Reported: a goroutine assigns err, so nothing is known about it.
func assignedElsewhere(ctx context.Context, id string) error {
	var err error
	done := make(chan struct{})
	go func() {
		err = store(ctx, id)
		close(done)
	}()
	ctx, span := tracer.Start(ctx, "elsewhere")
	defer span.End()
	<-done
	return err // want `error returned while span "elsewhere" is live`
}

// Silent: the deferred closure assigns err only at exit; in the body err
// is nil past the check.
func recovered(ctx context.Context, id string) (err error) {
	ctx, span := tracer.Start(ctx, "recovered")
	defer span.End()
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("panic")
		}
	}()
	err = store(ctx, id)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	return err
}
