// Package deferptr covers deferred recorders that read an error through a
// pointer, the ory/x otelx.End(span, &err) idiom. A return statement
// assigns the function's results before deferred calls run (Go spec,
// Return statements), so a helper given the address of the named error
// result sees every returned error, a shadowed one included. A helper
// given the address of another variable sees only that variable: a
// return of anything else is never recorded.
package deferptr

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"

	"example.com/testdata/spanerror/helpers/telemetry"
)

var tracer = otel.Tracer("deferptr")

func load(context.Context) error { return errStub }
func save(context.Context) error { return errStub }

// Silent: &err is the named result; return err (the inner, shadowing
// one) assigns it before the deferred call reads it.
func namedShadowed(ctx context.Context) (err error) {
	ctx, span := tracer.Start(ctx, "namedShadowed")
	defer telemetry.FinishPtr(span, &err)
	if err := load(ctx); err != nil {
		return err
	}
	return save(ctx)
}

// Reported: no named result; the helper reads the outer err, which the
// shadowed return never assigns.
func localShadowed(ctx context.Context) error {
	var err error
	ctx, span := tracer.Start(ctx, "localShadowed")
	defer telemetry.FinishPtr(span, &err)
	if err := load(ctx); err != nil {
		return err // want `span "localShadowed" is live and the error returned here is not err \(declared at line 38\), the one the deferred call at line 40 records`
	}
	err = save(ctx)
	return err
}

// Reported: a named result, but the helper gets another variable.
func otherVar(ctx context.Context) (err error) {
	var rerr error
	ctx, span := tracer.Start(ctx, "otherVar")
	defer telemetry.FinishPtr(span, &rerr)
	if rerr = load(ctx); rerr != nil {
		return rerr
	}
	return save(ctx) // want `span "otherVar" is live and the error returned here is not rerr`
}

// Silent: a wrapped err is the variable the helper sees.
func wrapped(ctx context.Context) error {
	var err error
	ctx, span := tracer.Start(ctx, "wrapped")
	defer telemetry.FinishPtr(span, &err)
	if err = load(ctx); err != nil {
		return &wrapErr{err}
	}
	return nil
}

type wrapErr struct{ err error }

func (w *wrapErr) Error() string { return w.err.Error() }

// Reported: a deferred Finish(span, err) is given err's value at the
// defer, nil: it records nothing.
func evaluatedEarly(ctx context.Context) error {
	var err error
	ctx, span := tracer.Start(ctx, "early")
	defer telemetry.Finish(span, err)
	err = load(ctx)
	return err // want `error returned while span "early" is live, without RecordError`
}

// Silent: a deferred closure that records the named result covers the
// shadowed return too.
func closureNamed(ctx context.Context) (err error) {
	ctx, span := tracer.Start(ctx, "closureNamed")
	defer func() {
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}()
	if err := load(ctx); err != nil {
		return err
	}
	return nil
}

// Reported: the closure records a local variable the shadowed return
// does not assign.
func closureLocal(ctx context.Context) error {
	var err error
	ctx, span := tracer.Start(ctx, "closureLocal")
	defer func() {
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}()
	if err := load(ctx); err != nil {
		return err // want `span "closureLocal" is live and the error returned here is not err`
	}
	err = save(ctx)
	return err
}

// Silent: the variable the closure records is given the failure before
// the return (retErr = err; return nil, err).
func copied(ctx context.Context) (string, error) {
	var retErr error
	ctx, span := tracer.Start(ctx, "copied")
	defer func() {
		if retErr != nil {
			span.RecordError(retErr)
			span.SetStatus(codes.Error, retErr.Error())
		}
		span.End()
	}()
	if err := load(ctx); err != nil {
		retErr = err
		return "", err
	}
	return "ok", nil
}

type dispatch struct{ failed bool }

func insert(context.Context, *dispatch) error { return errStub }

func encode(error) error { return errStub }

// Reported: kratos's RecordDispatch. The deferred helper records the
// parameter err, the outcome of the dispatch being saved, not the
// function's own failure: when the insert fails, the span of the save is
// marked only if the dispatch had failed too. On the branch where err is
// known not nil the helper does mark it, whatever is returned.
func recordDispatch(ctx context.Context, id string, err error) error {
	ctx, span := tracer.Start(ctx, "recordDispatch")
	defer telemetry.FinishPtr(span, &err)

	d := &dispatch{failed: err != nil}
	if err != nil {
		// Silent: err is not nil here, so whatever is returned, the
		// deferred helper marks the span failed.
		if err := encode(err); err != nil {
			return err
		}
	}
	if err := insert(ctx, d); err != nil {
		return err // want `span "recordDispatch" is live and the error returned here is not err \(declared at line \d+\), the one the deferred call at line \d+ records`
	}
	return nil
}
