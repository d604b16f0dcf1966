// Package reqtrace is a service's request-tracing helper package, as found
// in real code: start helpers that also return an error. Facts say whether
// a failed start still returns a span.
package reqtrace

import (
	"context"
	"errors"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("reqtrace")

var errNoRoute = errors.New("no route")

func routeOf(req *http.Request) (string, error) {
	if req.URL == nil || req.URL.Path == "" {
		return "", errNoRoute
	}
	return req.URL.Path, nil
}

// StartRequestSpan starts the server span of a request, named after its
// route. A request that matches no route gets no span: (ctx, nil, "", err).
func StartRequestSpan(ctx context.Context, req *http.Request) (context.Context, trace.Span, string, error) {
	route, err := routeOf(req)
	if err != nil {
		return ctx, nil, "", err
	}
	ctx, span := tracer.Start(ctx, route, trace.WithSpanKind(trace.SpanKindServer))
	return ctx, span, route, nil
}

// Tx is a database transaction.
type Tx struct{}

// DB opens transactions.
type DB struct{}

// Begin starts a transaction.
func (*DB) Begin(context.Context) (*Tx, error) { return &Tx{}, nil }

// StartTx starts a span and a transaction under it. When Begin fails the
// span is still returned, with the error recorded, for the caller to end.
func StartTx(ctx context.Context, db *DB, name string) (context.Context, trace.Span, *Tx, error) {
	ctx, span := tracer.Start(ctx, name)
	tx, err := db.Begin(ctx)
	if err != nil {
		span.RecordError(err)
	}
	return ctx, span, tx, err
}
