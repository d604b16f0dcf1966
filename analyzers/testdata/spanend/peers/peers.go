// Package peers holds the false positives reported against peer linters
// (jjti/go-spancheck and users' nolint comments), written as they appear in
// real code. Everything here must stay silent.
package peers

import (
	"context"
	"errors"
	"net"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("peers")

func subTask(context.Context) error { return errors.New("uh oh") }

// go-spancheck#24: a deferred closure with a condition still always ends.
func namedErrDefer(ctx context.Context) (retErr error) {
	ctx, span := tracer.Start(ctx, "bar")
	defer func() {
		if retErr != nil {
			span.SetStatus(codes.Error, retErr.Error())
			span.RecordError(retErr)
		}
		span.End()
	}()
	if err := subTask(ctx); err != nil {
		return err
	}
	return nil
}

// go-spancheck#25: the span lives inside a block; the return outside it is
// not on the span's path.
func blockScoped(ctx context.Context) error {
	if ctx != nil {
		_, span := tracer.Start(ctx, "bar")
		span.End()
	}
	return errors.New("asdf")
}

// go-spancheck#12: End inside a deferred function that also recovers.
func recovered(ctx context.Context) {
	_, span := tracer.Start(ctx, "bar")
	defer func() {
		if r := recover(); r != nil {
			span.AddEvent("panic")
		}
		span.End()
	}()
}

// go-spancheck#33: a wrapper of tracer.Start; the caller ends the span.
func startSpan(ctx context.Context, name string) (context.Context, trace.Span) {
	return tracer.Start(ctx, name, trace.WithSpanKind(trace.SpanKindInternal))
}

func usesWrapper(ctx context.Context) {
	ctx, span := startSpan(ctx, "wrapped")
	defer span.End()
	_ = ctx
}

// A span wrapped in a connection whose Close ends it (reported as a
// spancheck false positive in hyperledger-labs/fabric-smart-client).
type connWithSpan struct {
	net.Conn
	span trace.Span
}

func (c *connWithSpan) Close() error {
	c.span.End()
	return c.Conn.Close()
}

func dial(ctx context.Context, c net.Conn) net.Conn {
	_, span := tracer.Start(ctx, "conn")
	return &connWithSpan{Conn: c, span: span}
}

// openfga: the span is ended by a closure handed back to the caller.
func startTrace(ctx context.Context, name string) (context.Context, func()) {
	ctx, span := tracer.Start(ctx, "sqlite."+name)
	return ctx, func() {
		span.End()
	}
}

func usesStartTrace(ctx context.Context) {
	ctx, end := startTrace(ctx, "read")
	defer end()
	_ = ctx
}
