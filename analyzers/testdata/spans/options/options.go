// Package options covers every rule option, each with one function whose
// finding depends on it alone: the helpers below reach their span only in
// ways that facts cannot see, so only configuration names them. It has no
// // want comments: the tests that run it (TestNewSuiteOptions in
// analyzers, the gclplugin tests) compare the findings of each
// configuration with the span names listed here.
package options

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("options")

// Open starts a span through a func value, which facts cannot follow: it
// is a start only when named in -spanend.start.
func Open(ctx context.Context, name string) (context.Context, trace.Span) { return opener(ctx, name) }

var opener = func(ctx context.Context, name string) (context.Context, trace.Span) {
	return tracer.Start(ctx, name)
}

// Close ends its span by ID elsewhere: it ends it only when named in
// -spanend.end.
func Close(span trace.Span) { closeByID(span.SpanContext().SpanID()) }

func closeByID(trace.SpanID) {}

// Report records an error on its span by ID elsewhere: it records only
// when named in -spanerror.recorders.
func Report(span trace.Span, err error) { reportByID(span.SpanContext().SpanID(), err) }

func reportByID(trace.SpanID, error) {}

// ErrMissing is not a failure only when named in -spanerror.expected.
var ErrMissing = errors.New("missing")

func work(context.Context) error { return ErrMissing }

// spanend "opened": reported with -spanend.start=example.com/testdata/spans/options.Open.
func opened(ctx context.Context) {
	_, span := Open(ctx, "opened")
	span.AddEvent("x")
}

// spanend "closed": reported unless -spanend.end=example.com/testdata/spans/options.Close.
func closed(ctx context.Context) {
	_, span := tracer.Start(ctx, "closed")
	defer Close(span)
}

// spanerror "reported": reported unless -spanerror.recorders=example.com/testdata/spans/options.Report.
func reported(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "reported")
	defer span.End()
	if err := work(ctx); err != nil {
		Report(span, err)
		return err
	}
	return nil
}

// spanerror "find": reported unless -spanerror.expected=example.com/testdata/spans/options.ErrMissing.
func find(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "find")
	defer span.End()
	if err := work(ctx); errors.Is(err, ErrMissing) {
		return err
	}
	return nil
}

// spanerror "status": reported with -spanerror.record=true.
func statusOnly(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "status")
	defer span.End()
	if err := work(ctx); err != nil {
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	return nil
}

// spanerror "record": reported unless -spanerror.status=false.
func recordOnly(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "record")
	defer span.End()
	if err := work(ctx); err != nil {
		span.RecordError(err)
		return err
	}
	return nil
}
