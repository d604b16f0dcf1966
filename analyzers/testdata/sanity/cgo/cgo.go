// Package cgo uses cgo: the analyzers see the cgo-processed files.
package cgo

/*
static int twice(int x) { return 2 * x; }
*/
import "C"

import (
	"context"

	"go.opentelemetry.io/otel"
)

func Twice(ctx context.Context, x int) int {
	_, span := otel.Tracer("cgo").Start(ctx, "twice")
	defer span.End()
	return int(C.twice(C.int(x)))
}
