// Package reach covers where the old context goes after Start: only calls
// that can start a span from it make a dropped Start context a finding.
package reach

import (
	"context"
	"time"

	"github.com/go-playground/validator/v10"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"

	"example.com/testdata/spanctx/reach/eval"
	"example.com/testdata/spanctx/reach/store"
)

var (
	tracer   = otel.Tracer("reach")
	requests metric.Int64Counter
)

type job struct {
	ctx  context.Context
	name string
}

// Silent: the old context only goes to a metric counter (the metric API
// starts no span).
func countRequest(ctx context.Context, route string) {
	_, span := tracer.Start(ctx, "route")
	defer span.End()
	requests.Add(ctx, 1)
}

// Silent: the old context goes to a library that has no tracing at all (an
// expression evaluator, openfga's condition evaluation shape).
func evaluate(ctx context.Context, p *eval.Program, env map[string]any) (any, error) {
	_, span := tracer.Start(ctx, "evaluate")
	defer span.End()
	return p.Eval(ctx, env, nil)
}

// Silent: a third-party library without tracing (a validator) starts no
// span from the context it is given, whatever it does with it.
func validate(ctx context.Context, v *validator.Validate, req any) error {
	_, span := tracer.Start(ctx, "validate")
	defer span.End()
	return v.StructCtx(ctx, req)
}

// watch only waits on ctx.Done(): it starts no span from ctx.
func watch(ctx context.Context, stop func()) {
	go func() {
		<-ctx.Done()
		stop()
	}()
}

// Silent: the helper only watches ctx.Done().
func withWatch(ctx context.Context, stop func()) {
	_, span := tracer.Start(ctx, "watched")
	defer span.End()
	watch(ctx, stop)
}

// ignore takes a context it never uses.
func ignore(_ context.Context, name string) string { return name }

// unused names its context and never reads it.
func unused(ctx context.Context, name string) string { return name + "!" }

// Silent: the callees ignore their context.
func ignored(ctx context.Context) string {
	_, span := tracer.Start(ctx, "ignored")
	defer span.End()
	return ignore(ctx, "a") + unused(ctx, "b")
}

// Silent: the callee only reads a value from the context, and so does this
// function (across packages, by the absence of a fact).
func readsValues(ctx context.Context) string {
	_, span := tracer.Start(ctx, "tag")
	defer span.End()
	deadline, _ := ctx.Deadline()
	_ = deadline
	return store.Tag(ctx)
}

// Silent: a channel send of the old context is not a call that starts a
// span; the workers receiving the job outlive the span on purpose.
func enqueue(ctx context.Context, queue chan<- job, name string) {
	_, span := tracer.Start(ctx, "enqueue")
	defer span.End()
	queue <- job{ctx: ctx, name: name}
}

// Silent: the standard library starts no span from a context.
func sleep(ctx context.Context, d time.Duration) error {
	_, span := tracer.Start(ctx, "sleep")
	defer span.End()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return context.Cause(ctx)
	case <-t.C:
		return nil
	}
}

// fetch starts a span from the context it is given.
func fetch(ctx context.Context, key string) string {
	_, span := tracer.Start(ctx, "fetch")
	defer span.End()
	return key
}

// relay hands its context on to fetch: it can start a span, too.
func relay(ctx context.Context, key string) string { return fetch(ctx, key) }

func toFetch(ctx context.Context) string {
	_, span := tracer.Start(ctx, "relay") // want `the context returned by Start for span "relay" is dropped while the old context is still passed on`
	defer span.End()
	return relay(ctx, "k")
}

// Loader is implemented elsewhere: its method may start spans.
type Loader interface {
	Load(ctx context.Context, key string) (string, error)
}

func toInterface(ctx context.Context, l Loader) (string, error) {
	_, span := tracer.Start(ctx, "load") // want `the context returned by Start for span "load" is dropped while the old context is still passed on`
	defer span.End()
	return l.Load(ctx, "k")
}

func toFuncValue(ctx context.Context, load func(context.Context) error) error {
	_, span := tracer.Start(ctx, "value") // want `the context returned by Start for span "value" is dropped`
	defer span.End()
	return load(ctx)
}

// Across packages, by fact: store.Get starts a span.
func toOtherPackage(ctx context.Context) string {
	_, span := tracer.Start(ctx, "get") // want `the context returned by Start for span "get" is dropped`
	defer span.End()
	return store.Get(ctx, "k")
}

// A context derived from the old one still carries the old span.
func derived(ctx context.Context) string {
	_, span := tracer.Start(ctx, "derived") // want `the context returned by Start for span "derived" is dropped`
	defer span.End()
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return fetch(tctx, "k")
}

// _ = sctx silences the compiler; it is not a use.
func blankUse(ctx context.Context) string {
	sctx, span := tracer.Start(ctx, "blank") // want `the context returned by Start for span "blank" is assigned to sctx and never used`
	_ = sctx
	defer span.End()
	return fetch(ctx, "k")
}

// A span whose name is not a constant is named by where it starts.
func dynamicName(ctx context.Context, op string) string {
	_, span := tracer.Start(ctx, "op."+op) // want `the context returned by Start for span started by tracer.Start at line 171 is dropped`
	defer span.End()
	return fetch(ctx, op)
}

// Silent: the dropped context is rebuilt from the span before it is passed
// on (loki's shape: the span is carried on in the caller's context).
func rebound(ctx context.Context) string {
	_, span := tracer.Start(ctx, "rebound")
	defer span.End()
	ctx = trace.ContextWithSpan(ctx, span)
	return fetch(ctx, "k")
}
