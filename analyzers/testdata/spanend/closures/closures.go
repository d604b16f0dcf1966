// Package closures covers spans started inside closures and goroutines.
package closures

import (
	"context"
	"sync"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("closures")

func goroutineLeak(ctx context.Context, wg *sync.WaitGroup) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, span := tracer.Start(ctx, "worker") // want `span "worker" is not ended on all paths`
		span.AddEvent("started")
	}()
}

func closureLeak(ctx context.Context) func() {
	return func() {
		_, span := tracer.Start(ctx, "inner") // want `span "inner" is not ended on all paths`
		_ = span
	}
}

// Silent: the goroutine ends the span it was handed.
func handedToGoroutine(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "async")
	go func() {
		defer span.End()
		_ = ctx
	}()
}

// Silent: the closure ends its own span.
func closureEnds(ctx context.Context) {
	run := func() {
		_, span := tracer.Start(ctx, "inner")
		defer span.End()
	}
	run()
}
