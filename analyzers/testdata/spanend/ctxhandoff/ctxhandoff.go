// Package ctxhandoff covers a span whose context is returned, stored or
// sent. That hands the span on (a later callback ends
// trace.SpanFromContext(ctx)) only on the paths that reach the hand-off,
// and only when the function does not end the span itself.
package ctxhandoff

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("ctxhandoff")

var errEmpty = errors.New("empty query")

func encode(args []any) (string, error) {
	if len(args) > 100 {
		return "", errors.New("too many arguments")
	}
	return "", nil
}

// queryHook is a query-hook pair: BeforeQuery starts the span and returns
// the context that carries it; AfterQuery ends it.
type queryHook struct{}

// The hand-off happens at the last return only: when the arguments do not
// encode, the context is dropped with its span, which nobody ends.
func (queryHook) BeforeQuery(ctx context.Context, query string, args []any) (context.Context, error) {
	ctx, span := tracer.Start(ctx, "query") // want `span "query" is not ended on all paths`
	enc, err := encode(args)
	if err != nil {
		return nil, err
	}
	span.SetAttributes()
	_ = enc
	return ctx, nil
}

func (queryHook) AfterQuery(ctx context.Context) {
	trace.SpanFromContext(ctx).End()
}

// Silent: every path returns the context that carries the span.
func (queryHook) BeforeExec(ctx context.Context, query string) (context.Context, error) {
	ctx, span := tracer.Start(ctx, "exec")
	span.AddEvent(query)
	if query == "" {
		return ctx, errEmpty
	}
	return ctx, nil
}

type job struct {
	ctx  context.Context
	task string
}

type dispatcher struct {
	closed bool
	jobs   chan job
}

// The job's context carries the span to the worker, which ends it; when
// the dispatcher is closed the span is lost.
func (d *dispatcher) submit(ctx context.Context, task string) error {
	ctx, span := tracer.Start(ctx, "task") // want `span "task" is not ended on all paths`
	if d.closed {
		return errors.New("dispatcher closed")
	}
	span.AddEvent("queued")
	d.jobs <- job{ctx: ctx, task: task}
	return nil
}

func (d *dispatcher) work() {
	for j := range d.jobs {
		trace.SpanFromContext(j.ctx).End()
	}
}

type tx struct{}

type db struct{}

func (db) begin(context.Context) (*tx, error) { return &tx{}, nil }

// The span covers only Begin and the function ends it itself: returning
// the context hands nothing on, and the error path leaks the span.
func beginTx(ctx context.Context, d db) (context.Context, *tx, error) {
	ctx, span := tracer.Start(ctx, "BeginTx") // want `span "BeginTx" is not ended on all paths`
	t, err := d.begin(ctx)
	if err != nil {
		return ctx, nil, err
	}
	span.End()
	return ctx, t, nil
}

type session struct {
	ctx context.Context
}

// Silent: the function ends its span; the wrapped context is only data.
func open(ctx context.Context, name string) (*session, error) {
	ctx, span := tracer.Start(ctx, "open")
	defer span.End()
	if name == "" {
		return nil, errEmpty
	}
	return &session{ctx: ctx}, nil
}

// Known false positive (see Limitations): the hook ends the span itself
// when it fails and otherwise hands it to AfterQuery through the context.
// Ending it on one path makes the function its owner, like beginTx above,
// whose shape is the same.
func (queryHook) BeforePrepare(ctx context.Context, query string) (context.Context, error) {
	ctx, span := tracer.Start(ctx, "prepare") // want `span "prepare" is not ended on all paths`
	if query == "" {
		span.End()
		return ctx, errEmpty
	}
	return ctx, nil
}

// Silent (openfga's prepareAuthZenRequest): the function ends the span on
// its error path and returns a closure that ends it on the other; the
// returned context hands nothing on.
func prepare(ctx context.Context, method string) (context.Context, func(), error) {
	ctx, span := tracer.Start(ctx, method)
	ctx, err := initRequest(ctx, method)
	if err != nil {
		span.End()
		return ctx, func() {}, err
	}
	return ctx, func() {
		span.End()
	}, nil
}

func initRequest(ctx context.Context, method string) (context.Context, error) { return ctx, nil }

// Silent (spicedb's datastore proxy observe): the returned closure ends the
// span once.
func observe(ctx context.Context, name string) (context.Context, func()) {
	ctx, span := tracer.Start(ctx, name)
	closed := false
	return ctx, func() {
		if closed {
			return
		}
		closed = true
		span.End()
	}
}
