// Package use covers how spans flow into spanerror: a start helper that
// returns no span with its error, and a function that ends its span itself
// while it also returns or stores the context that carries it.
package use

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"

	"example.com/testdata/spanerror/spanflow/tel"
)

func send(context.Context) error { return errStub }

// The start's error branch owns no span: nothing to mark there. The later
// error is returned under the live span.
func call(ctx context.Context, method string) error {
	ctx, span, err := tel.StartRPC(ctx, method)
	if err != nil {
		return err
	}
	defer span.End()
	if err := send(ctx); err != nil {
		return err // want `error returned while span`
	}
	return nil
}

// Silent: the error branch owns no span; the failure after it is marked.
func callMarked(ctx context.Context, method string) error {
	ctx, span, err := tel.StartRPC(ctx, method)
	if err != nil {
		return err
	}
	defer span.End()
	if err := send(ctx); err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	return nil
}

// StartDial returns a live span with its error: that error is the span's
// failure and must be marked.
func dial(ctx context.Context, addr string) (*tel.Conn, error) {
	ctx, span, c, err := tel.StartDial(ctx, addr)
	defer span.End()
	if err != nil {
		return nil, err // want `error returned while span`
	}
	return c, nil
}

var tracer = otel.Tracer("use")

type session struct {
	ctx  context.Context
	conn *tel.Conn
}

var errNoAddr = errors.New("no address")

// The function ends its span itself, so the context it returns in a
// wrapper does not hand the span on: its error paths are checked.
func open(ctx context.Context, addr string) (*session, error) {
	ctx, span := tracer.Start(ctx, "open")
	defer span.End()
	if addr == "" {
		return nil, errNoAddr // want `error returned while span`
	}
	return &session{ctx: ctx}, nil
}

// Silent: the context is returned and a later hook ends the span
// (trace.SpanFromContext): the function does not own the span.
func beforeQuery(ctx context.Context, query string) (context.Context, error) {
	ctx, span := tracer.Start(ctx, "query")
	span.AddEvent(query)
	if query == "" {
		return ctx, errNoAddr
	}
	return ctx, nil
}

type driverTx struct{}

type conn struct{}

func (conn) BeginTx(context.Context) (*driverTx, error) { return &driverTx{}, errStub }

type traceInterceptor struct{}

// Regression (a sqlmw interceptor): returning the context does not hand
// the span on when the function ends it, so the error it returns under the
// live span is checked like its siblings' (ConnPing returns conn.Ping(ctx)
// and was always reported).
func (traceInterceptor) ConnBeginTx(ctx context.Context, c conn) (context.Context, *driverTx, error) {
	ctx, span := tracer.Start(ctx, "ConnBeginTx")
	defer span.End()

	tx, err := c.BeginTx(ctx)
	return ctx, tx, err // want `error returned while span`
}

type skipCommitKey struct{}

// Silent (ory/hydra persister): defer tel.End(span, &err) records the
// error; the context returned with a value is data, the span is the
// function's.
func beginTX(ctx context.Context, c conn, nested bool) (_ context.Context, err error) {
	ctx, span := tracer.Start(ctx, "persistence.sql.BeginTX")
	defer tel.End(span, &err)
	if nested {
		return context.WithValue(ctx, skipCommitKey{}, true), nil
	}
	if _, err = c.BeginTx(ctx); err != nil {
		return ctx, err
	}
	return ctx, nil
}
