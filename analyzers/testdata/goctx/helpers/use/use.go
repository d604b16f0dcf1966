// Package use runs work through the helpers of package spawn.
package use

import (
	"context"

	"go.opentelemetry.io/otel"

	"example.com/testdata/goctx/helpers/spawn"
)

var tracer = otel.Tracer("use")

func audit(context.Context) {}

func viaHelper(ctx context.Context) {
	spawn.Go(func() {
		audit(context.Background()) // want `goroutine starts from context.Background\(\)`
	})
}

func namedFunc(ctx context.Context) {
	go spawn.Refresh() // want `goroutine runs Refresh, which starts from context.Background\(\) instead of the context in scope`
}

// Silent: the helper runs a closure that carries the context.
func carried(ctx context.Context) {
	spawn.Go(func() { audit(ctx) })
}
