// Package tel is a service's tracing helper package: start helpers that
// also return an error. Facts say whether a failed start still returns a
// span.
package tel

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("tel")

var ErrNoMethod = errors.New("no method")

// StartRPC starts the client span of a call. An empty method gets no span:
// (ctx, nil, err).
func StartRPC(ctx context.Context, method string) (context.Context, trace.Span, error) {
	if method == "" {
		return ctx, nil, ErrNoMethod
	}
	ctx, span := tracer.Start(ctx, method, trace.WithSpanKind(trace.SpanKindClient))
	return ctx, span, nil
}

// Conn is a connection.
type Conn struct{}

func dial(context.Context, string) (*Conn, error) { return &Conn{}, errStub }

// StartDial starts a span and dials under it. When the dial fails the span
// is still returned for the caller to end and mark.
func StartDial(ctx context.Context, addr string) (context.Context, trace.Span, *Conn, error) {
	ctx, span := tracer.Start(ctx, "dial")
	c, err := dial(ctx, addr)
	return ctx, span, c, err
}

// End ends the span and records the error it points at (the ory/x
// otelx.End idiom).
func End(span trace.Span, err *error) {
	if *err != nil {
		span.RecordError(*err)
		span.SetStatus(codes.Error, (*err).Error())
	}
	span.End()
}
