package tests

import (
	"context"
	"testing"

	"go.opentelemetry.io/otel"
)

func work(context.Context) {}

// Silent: a test is a program entry (loki's frontend tests).
func TestSpawn(t *testing.T) {
	ctx, span := otel.Tracer("t").Start(context.Background(), "test")
	defer span.End()
	go func() { work(context.Background()) }()
	work(ctx)
}
