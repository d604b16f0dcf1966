package tests

import (
	"context"
	"net/http/httptest"
	"testing"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

// Silent: a test is a program entry; its root span starts from Background
// even with a request (and its context) in scope (kratos' webhook tests).
func TestRoot(t *testing.T) {
	req := httptest.NewRequest("GET", "/", nil)
	ctx, span := otel.Tracer("test").Start(context.Background(), "parent")
	defer span.End()
	_ = req
	_ = ctx
}

// setServerSpan can start spans from the context it is given.
func setServerSpan(ctx context.Context, span trace.Span) {
	_, child := otel.Tracer("test").Start(ctx, "child")
	child.End()
	span.SetAttributes()
}

// Silent: go-kratos' TestSetServerSpan drops Start's context on purpose
// and hands the span to the code under test with contexts of its own;
// nothing is exported, so no trace breaks.
func TestSetServerSpan(_ *testing.T) {
	ctx := context.Background()
	_, span := otel.Tracer("test").Start(ctx, "Spanname")
	setServerSpan(ctx, span)
	ctx = context.WithValue(ctx, struct{}{}, "md")
	setServerSpan(ctx, span)
}
