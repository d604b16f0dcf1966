// Package facts is a team's tracing helper package, as found in real code: // want package:"analysed" package:"spanAPI"
// wrappers that start spans for their callers and helpers that end them.
// Facts summarise them; nothing is configured.
package facts

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("tel")

// Start starts a span the caller owns.
func Start(ctx context.Context, name string) (context.Context, trace.Span) { // want Start:"startsSpan" // want Start:"startsSpan"
	return tracer.Start(ctx, name)
}

// StartNamed starts a span through a local variable.
func StartNamed(ctx context.Context, name string) (context.Context, trace.Span) { // want StartNamed:"startsSpan" // want StartNamed:"startsSpan"
	ctx, span := tracer.Start(ctx, name, trace.WithSpanKind(trace.SpanKindInternal))
	span.SetAttributes()
	return ctx, span
}

// End ends the span and records the error it points at, the ory/x otelx.End idiom.
func End(span trace.Span, err *error) { // want End:"endsSpan\\(0\\)" End:"recordsError\\(0\\)"
	if err != nil && *err != nil {
		span.RecordError(*err)
		span.SetStatus(codes.Error, (*err).Error())
	}
	span.End()
}

// Finish calls End: facts propagate through helpers of helpers.
func Finish(err error, span trace.Span) { // want Finish:"endsSpan\\(1\\)" Finish:"recordsError\\(1\\)"
	End(span, &err)
}

// Annotate uses the span but does not end it.
func Annotate(span trace.Span, msg string) {
	span.AddEvent(msg)
}

// Register keeps the span: ownership moves to the registry.
func Register(s any) { // want Register:"endsSpan\\(0\\)"
	registry = append(registry, s)
}

var registry []any

type box[T any] struct{ items []T }

// Put keeps its argument: a generic container takes ownership.
func (b *box[T]) Put(v T) { // want Put:"endsSpan\\(0\\)"
	b.items = append(b.items, v)
}

// Wrap returns its argument: the caller's new variable owns it.
func Wrap(s trace.Span) trace.Span { // want Wrap:"endsSpan\\(0\\)"
	return s
}

// NotAHelper starts nothing and ends nothing.
func NotAHelper(ctx context.Context) context.Context {
	return ctx
}

// Local starts and ends its own span: callers own nothing.
func Local(ctx context.Context) {
	_, span := tracer.Start(ctx, "local")
	defer span.End()
}

// StartChecked returns no span when it fails: callers own none on the
// error branch.
func StartChecked(ctx context.Context, name string) (context.Context, trace.Span, error) { // want StartChecked:"startsSpan err:2 nilOnErr"
	if name == "" {
		return ctx, nil, errNoName
	}
	ctx, span := tracer.Start(ctx, name)
	return ctx, span, nil
}

// StartOrFail returns a live span with its error: callers own it on every
// path.
func StartOrFail(ctx context.Context, name string) (context.Context, trace.Span, error) { // want StartOrFail:"startsSpan err:2 liveOnErr"
	ctx, span := tracer.Start(ctx, name)
	return ctx, span, check(ctx)
}

// StartVia returns another helper's results: it inherits their shape.
func StartVia(ctx context.Context, name string) (context.Context, trace.Span, error) { // want StartVia:"startsSpan err:2 nilOnErr"
	return StartChecked(ctx, name)
}

var errNoName = errors.New("no name")

func check(context.Context) error { return nil }

// StartRoute returns its checked error with the span: it is nil there, so
// no span comes with a non-nil error.
func StartRoute(ctx context.Context, name string) (context.Context, trace.Span, error) { // want StartRoute:"startsSpan err:2 nilOnErr"
	err := check(ctx)
	if err != nil {
		return ctx, nil, err
	}
	ctx, span := tracer.Start(ctx, name)
	return ctx, span, err
}

// StartRechecked assigns the error again after the check: a live span may
// come with it.
func StartRechecked(ctx context.Context, name string) (context.Context, trace.Span, error) { // want StartRechecked:"startsSpan err:2 liveOnErr"
	err := check(ctx)
	if err != nil {
		return ctx, nil, err
	}
	ctx, span := tracer.Start(ctx, name)
	err = check(ctx)
	return ctx, span, err
}
