// Package negative holds real idioms that end spans or hand them to an
// owner. Every function here must stay silent.
package negative

import (
	"context"
	"errors"
	"log"
	"os"
	"sync"
	"testing"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("negative")

// Silent: the canonical idiom.
func deferEnd(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "defer")
	defer span.End()
	if ctx == nil {
		return errors.New("no ctx")
	}
	return nil
}

// Silent: a deferred closure ends the span.
func deferClosure(ctx context.Context) (err error) {
	_, span := tracer.Start(ctx, "closure")
	defer func() {
		if err != nil {
			span.RecordError(err)
		}
		span.End()
	}()
	return nil
}

// Silent: End with options.
func endOptions(ctx context.Context) {
	_, span := tracer.Start(ctx, "opts")
	defer span.End(trace.WithStackTrace(true))
}

// Silent: the span is returned to the caller, who owns it.
func returned(ctx context.Context) (context.Context, trace.Span) {
	ctx, span := tracer.Start(ctx, "returned")
	return ctx, span
}

// Silent: a named result is the caller's.
func namedResult(ctx context.Context) (span trace.Span) {
	_, span = tracer.Start(ctx, "named")
	return
}

type job struct {
	span trace.Span
}

// Silent: stored in a struct field.
func storedField(ctx context.Context, j *job) {
	_, span := tracer.Start(ctx, "field")
	j.span = span
}

// Silent: assigned straight into a field.
func assignedField(ctx context.Context, j *job) {
	_, j.span = tracer.Start(ctx, "direct")
}

// Silent: stored in a composite literal that is returned.
func composite(ctx context.Context) *job {
	_, span := tracer.Start(ctx, "composite")
	return &job{span: span}
}

// Silent: stored in a map and a slice.
func mapAndSlice(ctx context.Context, m map[string]trace.Span, s []trace.Span) []trace.Span {
	_, a := tracer.Start(ctx, "map")
	m["a"] = a
	_, b := tracer.Start(ctx, "slice")
	return append(s, b)
}

// Silent: sent on a channel.
func sent(ctx context.Context, c chan<- trace.Span) {
	_, span := tracer.Start(ctx, "sent")
	c <- span
}

// Silent: handed to a goroutine that ends it.
func goroutine(ctx context.Context) {
	_, span := tracer.Start(ctx, "go")
	go func() {
		defer span.End()
	}()
}

func finish(span trace.Span, err error) {
	if err != nil {
		span.RecordError(err)
	}
	span.End()
}

// Silent: passed to a helper (same package) that ends it.
func helper(ctx context.Context) {
	_, span := tracer.Start(ctx, "helper")
	defer finish(span, nil)
}

// Silent: passed to a helper that ends it, not deferred.
func helperDirect(ctx context.Context) {
	_, span := tracer.Start(ctx, "helper")
	finish(span, nil)
}

// Silent: a borrowed span is the caller's business.
func borrowed(ctx context.Context) {
	span := trace.SpanFromContext(ctx)
	span.AddEvent("borrowed")
}

// Silent: the process exits; nothing is leaked.
func exits(ctx context.Context, bad bool) {
	_, span := tracer.Start(ctx, "exit")
	if bad {
		log.Fatal("bad")
	}
	if !bad {
		os.Exit(2)
	}
	span.End()
}

// Silent: panic does not return.
func panics(ctx context.Context, bad bool) {
	_, span := tracer.Start(ctx, "panic")
	if bad {
		panic("bad")
	}
	span.End()
}

// Silent: t.Fatal does not return, and t.Cleanup ends the span.
func inTest(t *testing.T) {
	_, span := tracer.Start(context.Background(), "test")
	if t == nil {
		t.Fatal("nil")
	}
	t.Cleanup(func() { span.End() })
}

// Silent: the nil branch has no span to end.
func nilChecked(ctx context.Context, ok bool) {
	var span trace.Span
	if ok {
		_, span = tracer.Start(ctx, "maybe")
	}
	if span != nil {
		span.End()
	}
}

// Silent: the span is handed over through the context it is stored in.
func inContext(ctx context.Context) context.Context {
	_, span := tracer.Start(ctx, "ctx")
	return trace.ContextWithSpan(ctx, span)
}

// Silent: logging a span does not end it, but ending it later does.
func logged(ctx context.Context) {
	_, span := tracer.Start(ctx, "logged")
	log.Printf("span %v", span)
	span.End()
}

type owner struct{ spans []trace.Span }

// Silent: appended to a field.
func (o *owner) track(ctx context.Context) {
	_, span := tracer.Start(ctx, "tracked")
	o.spans = append(o.spans, span)
}

var global trace.Span

// Silent: stored in a package variable.
func storedGlobal(ctx context.Context) {
	_, global = tracer.Start(ctx, "global")
}

// Silent: a span var declared in the enclosing function is its business.
func outerVar(ctx context.Context) {
	var span trace.Span
	func() {
		_, span = tracer.Start(ctx, "outer")
	}()
	defer span.End()
}

// Silent: stored in a sync.Map, which takes ownership.
func syncMap(ctx context.Context, m *sync.Map) {
	_, span := tracer.Start(ctx, "syncmap")
	m.Store("k", span)
}

type spanKey struct{}

// Silent: stored as a context value.
func contextValue(ctx context.Context) context.Context {
	_, span := tracer.Start(ctx, "value")
	return context.WithValue(ctx, spanKey{}, span)
}

// Silent: handed to a goroutine as an argument.
func goroutineArg(ctx context.Context) {
	_, span := tracer.Start(ctx, "arg")
	go func(s trace.Span) {
		defer s.End()
	}(span)
}
