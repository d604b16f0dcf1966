// Package ctxerr covers errors that come from a context that is over: the
// caller cancelled or its deadline passed. The operation did not fail; it
// was stopped. The shapes are openfga's resolvers.
package ctxerr

import (
	"context"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("ctxerr")

type Result struct{ Allowed bool }

func dispatch(context.Context, string) (*Result, error) { return nil, errStub }

// Silent: every error is the context's.
func resolve(ctx context.Context, keys []string) (*Result, error) { // want resolve:"expectedError"
	ctx, span := tracer.Start(ctx, "resolve")
	defer span.End()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	out := make(chan *Result)
	for _, k := range keys {
		go func() {
			r, _ := dispatch(ctx, k)
			out <- r
		}()
	}
	for range keys {
		select {
		case r := <-out:
			if r.Allowed {
				return r, nil
			}
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("resolve %d keys: %w", len(keys), err)
	}
	return &Result{}, nil
}

// Silent: context.Cause, and errors tested against the context's
// sentinels.
func check(ctx context.Context, key string) (*Result, error) {
	ctx, span := tracer.Start(ctx, "check")
	defer span.End()
	if err := ctx.Err(); err != nil {
		err = fmt.Errorf("check %s: %w", key, err)
		return nil, err
	}
	r, err := dispatch(ctx, key)
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return nil, err
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, context.Cause(ctx)
		}
		return nil, err // want `error returned while span "check" is live`
	}
	return r, nil
}

type edge struct{ kind int }

var errPanicRequest = errors.New("invalid request")

// openfga's ResolveEdge: a deferred closure notes on the span that the
// context was cancelled. Recording the cancellation records none of the
// errors the function returns, so the closure neither covers the returns
// nor makes them "records the error but never sets codes.Error": a
// sub-resolver's failure is returned unrecorded, and reported as such.
func resolveEdge(ctx context.Context, e edge) (*Result, error) {
	ctx, span := tracer.Start(ctx, "ResolveEdge")
	defer span.End()

	defer func(ctx context.Context) {
		if err := ctx.Err(); err != nil {
			span.RecordError(err)
		}
	}(ctx)

	switch e.kind {
	case 0:
		return dispatch(ctx, "direct") // want `error returned while span "ResolveEdge" is live, without RecordError and SetStatus`
	case 1:
		return nil, ctx.Err()
	default:
		return nil, errPanicRequest // want `error returned while span "ResolveEdge" is live, without RecordError and SetStatus`
	}
}

// Silent: the closure notes the cancellation, and every error returned is
// the context's.
func waitEdge(ctx context.Context) (*Result, error) { // want waitEdge:"expectedError"
	ctx, span := tracer.Start(ctx, "waitEdge")
	defer span.End()
	defer func() {
		if err := context.Cause(ctx); err != nil {
			span.RecordError(err)
		}
	}()
	<-ctx.Done()
	return nil, ctx.Err()
}
