// Package tel declares span helpers that take the span name as a
// parameter: each gets a namesSpan fact and stays silent.
package tel

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("tel")

// Start returns a span named name.
func Start(ctx context.Context, name string) (context.Context, trace.Span) { // want Start:"namesSpan\\(1\\)"
	return tracer.Start(ctx, name)
}

// Traced runs fn in a span named after the query operation.
func Traced(ctx context.Context, op string, fn func(context.Context) error) error { // want Traced:"namesSpan\\(1\\)"
	ctx, span := tracer.Start(ctx, "db."+op)
	defer span.End()
	return fn(ctx)
}

// Rename renames the span of ctx.
func Rename(ctx context.Context, name string) { // want Rename:"namesSpan\\(1\\)"
	trace.SpanFromContext(ctx).SetName(name)
}

// Query passes its operation on to a helper declared after it.
func Query(ctx context.Context, table, op string) error { // want Query:"namesSpan\\(1,2\\)"
	return traced(ctx, table+"."+op)
}

func traced(ctx context.Context, name string) error { // want traced:"namesSpan\\(1\\)"
	return Traced(ctx, name, func(context.Context) error { return nil })
}

// OperationName names a request's span after its path (a mistake the rule
// reports only where it sees the function's body).
func OperationName(r *http.Request) string { return r.Method + " " + r.URL.Path }
