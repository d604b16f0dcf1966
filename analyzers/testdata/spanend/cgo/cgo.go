// Package cgo covers files that import "C": the analyzers see cmd/cgo's
// rewrite of each file, which opens with cgo's "Code generated" header.
// They are checked like any other file, and their findings point at the
// original file. A fix would edit cgo's output, so none is offered.
package cgo

/*
static int twice(int x) { return 2 * x; }
*/
import "C"

import (
	"context"

	"go.opentelemetry.io/otel"
)

func leak(ctx context.Context, x int) int {
	_, span := otel.Tracer("cgo").Start(ctx, "twice") // want `span "twice" is not ended on all paths`
	span.AddEvent("twice")
	return int(C.twice(C.int(x)))
}

// Silent: ended.
func ended(ctx context.Context, x int) int {
	_, span := otel.Tracer("cgo").Start(ctx, "ended")
	defer span.End()
	return int(C.twice(C.int(x)))
}
