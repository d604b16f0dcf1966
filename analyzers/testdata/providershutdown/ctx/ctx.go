// Package ctx holds Shutdown calls whose contexts are not over; the ones
// that are, and their fixes, are in ../fix.
package ctx

import (
	"context"
	"os"
	"os/signal"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Not findings: a fresh context, one detached from the signal, a Shutdown
// that runs before the signal.
func fresh() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = tp.Shutdown(sctx)
	}()
	serve(ctx)
}

func detached() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	defer func() { _ = tp.Shutdown(context.WithoutCancel(ctx)) }()
	sctx := context.WithoutCancel(ctx)
	defer tp.Shutdown(sctx)
	serve(ctx)
}

func beforeSignal() error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	serve(ctx)
	return tp.Shutdown(ctx)
}

func plainDefer(ctx context.Context) {
	tp := sdktrace.NewTracerProvider()
	defer tp.Shutdown(ctx)
	serve(ctx)
}

func serve(context.Context) {}
