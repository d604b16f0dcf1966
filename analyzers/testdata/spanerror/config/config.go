// Package config covers -spanerror.expected (sentinels and functions) and
// -spanerror.recorders.
package config

import (
	"context"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("config")

// ErrMissing is named in -spanerror.expected.
var ErrMissing = errors.New("missing")

func lookup(context.Context) error { return ErrMissing } // want lookup:"expectedError"

// load fails for real.
func load(context.Context) error { return errors.New("disk on fire") }

// Silent: ErrMissing is expected by configuration.
func find(ctx context.Context) error { // want find:"expectedError"
	ctx, span := tracer.Start(ctx, "find")
	defer span.End()
	err := lookup(ctx)
	if errors.Is(err, ErrMissing) {
		return err
	}
	return nil
}

// probe is named in -spanerror.expected: its errors are outcomes.
func probe(context.Context) error { return errors.New("busy") }

// Silent: probe's errors are expected by configuration.
func probed(ctx context.Context) error { // want probed:"expectedError"
	ctx, span := tracer.Start(ctx, "probed")
	defer span.End()
	return probe(ctx)
}

// fetch is named in -spanerror.expected: its error result is an outcome.
func fetch(context.Context) (int, error) { return 0, errors.New("gone") }

// Silent: the error of a configured function, through a variable, and
// ErrMissing classifying the failure it wraps.
func fetched(ctx context.Context) (int, error) { // want fetched:"expectedError"
	ctx, span := tracer.Start(ctx, "fetched")
	defer span.End()
	n, err := fetch(ctx)
	if err != nil {
		return 0, err
	}
	if err := load(ctx); err != nil {
		return 0, fmt.Errorf("%w: %w", ErrMissing, err)
	}
	return n, nil
}

// validate is named in -spanerror.expected: its errors are the caller's
// bad input (the caller answers InvalidArgument), for its own span too.
func validate(ctx context.Context, s string) error {
	ctx, span := tracer.Start(ctx, "validate")
	defer span.End()
	if s == "" {
		return errors.New("empty")
	}
	return load(ctx)
}

// Reported all the same: recording the error says the author takes it
// for a failure, and then the status must say so.
func check(ctx context.Context, s string) error {
	ctx, span := tracer.Start(ctx, "check")
	defer span.End()
	if err := load(ctx); err != nil {
		span.RecordError(err)
		return err // want `span "check" records the error but its status is not set to codes.Error`
	}
	return nil
}

// report is named in -spanerror.recorders: it records through a func
// value that facts cannot follow.
func report(span trace.Span, err error) { reporter(span, err) }

var reporter = func(trace.Span, error) {}

// Silent: report records by configuration.
func reported(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "reported")
	defer span.End()
	if err := load(ctx); err != nil {
		report(span, err)
		return err
	}
	return nil
}

// With -spanerror.record=true, the status alone is not enough.
func statusOnly(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "status")
	defer span.End()
	if err := load(ctx); err != nil {
		span.SetStatus(codes.Error, err.Error())
		return err // want `span "status" is set to codes.Error but the error is not recorded with RecordError`
	}
	return nil
}
