package tests

import (
	"context"
	"net/http/httptest"
	"testing"

	"go.opentelemetry.io/otel"
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
