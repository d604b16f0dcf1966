// Package paths covers spans that some control-flow path fails to end:
// early returns, bare returns, falling off the end, branches, switch arms,
// select cases, break and continue.
package paths

import (
	"context"
	"errors"
	"fmt"
	"log"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("paths")

var errMissing = errors.New("missing")

func fetch(ctx context.Context, id string) error { return nil }

func earlyReturn(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "load") // want `span "load" is not ended on all paths \(spans are lost or leak memory\)`
	if id == "" {
		return errMissing
	}
	defer span.End()
	return fetch(ctx, id)
}

func returnNil(ctx context.Context, ok bool) error {
	_, span := tracer.Start(ctx, "nil") // want `span "nil" is not ended on all paths`
	if ok {
		return nil
	}
	span.End()
	return errMissing
}

func bareReturn(ctx context.Context, ok bool) (err error) {
	_, span := tracer.Start(ctx, "bare") // want `span "bare" is not ended on all paths`
	if ok {
		return
	}
	span.End()
	return
}

func fallsOffEnd(ctx context.Context) {
	_, span := tracer.Start(ctx, "end") // want `span "end" is not ended on all paths`
	span.SetName("renamed")
}

func switchArm(ctx context.Context, n int) {
	_, span := tracer.Start(ctx, "switch") // want `span "switch" is not ended on all paths`
	switch n {
	case 1:
		span.End()
	case 2:
		return
	default:
		span.End()
	}
}

func selectCase(ctx context.Context, c chan int) {
	_, span := tracer.Start(ctx, "select") // want `span "select" is not ended on all paths`
	select {
	case <-c:
		span.End()
	case <-ctx.Done():
	}
}

func breakOut(ctx context.Context, xs []int) {
	for range xs {
		_, span := tracer.Start(ctx, "break") // want `span "break" is not ended on all paths`
		if len(xs) > 2 {
			break
		}
		span.End()
	}
}

func continueLoop(ctx context.Context, xs []int) {
	for _, x := range xs {
		_, span := tracer.Start(ctx, "continue") // want `span "continue" is started again before it is ended`
		if x == 0 {
			continue
		}
		span.End()
	}
}

func nonConstantName(ctx context.Context, name string) {
	_, sp := tracer.Start(ctx, name) // want `span started by tracer.Start at line 95 is not ended on all paths`
	_ = sp
}

// Printing a span neither ends it nor hands it over.
func printed(ctx context.Context) {
	_, span := tracer.Start(ctx, "printed") // want `span "printed" is not ended on all paths`
	fmt.Println(span)
	log.Printf("%v", span)
}

// Returning a context made before the Start does not hand the span over.
func earlierContext(ctx context.Context) context.Context {
	orig := ctx
	ctx, span := tracer.Start(ctx, "earlier") // want `span "earlier" is not ended on all paths`
	span.AddEvent("x")
	_ = ctx
	return orig
}
