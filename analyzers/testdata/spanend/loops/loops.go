// Package loops covers defer span.End() in a loop, which ends every span
// only when the function returns.
package loops

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("loops")

func process(ctx context.Context, items []string) {
	for _, it := range items {
		_, span := tracer.Start(ctx, "item")
		defer span.End() // want `defer ends span "item" only when the function returns, not at the end of each loop iteration`
		_ = it
	}
}

func deferredClosure(ctx context.Context, n int) {
	for i := 0; i < n; i++ {
		_, span := tracer.Start(ctx, "iter")
		defer func() { span.End() }() // want `defer ends span "iter" only when the function returns`
	}
}

// Silent: a closure per iteration gives each span its own frame.
func perIterationFunc(ctx context.Context, items []string) {
	for _, it := range items {
		func() {
			_, span := tracer.Start(ctx, "item")
			defer span.End()
			_ = it
		}()
	}
}

// Silent: ended at the end of each iteration.
func endEachIteration(ctx context.Context, items []string) {
	for range items {
		_, span := tracer.Start(ctx, "item")
		span.End()
	}
}
