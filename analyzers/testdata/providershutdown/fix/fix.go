// Package fix holds the cancelled-context cases, fixed in fix.go.golden.

package fix

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func deferredNotify() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	defer tp.Shutdown(ctx) // want `Shutdown is called with ctx from signal.NotifyContext in a deferred call, which runs after the signal cancelled it \(the SDK gives up at once and drops what is queued; shut down with a fresh context with a timeout\)`
	serve(ctx)
}

func afterDone(srv *http.Server) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	go serve(ctx)
	<-ctx.Done()
	if err := tp.Shutdown(ctx); err != nil { // want `Shutdown is called with ctx from signal.NotifyContext after its Done channel closed`
		log.Print(err)
	}
}

// A context derived from the signal's is cancelled with it.
func derived() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	defer func() {
		sctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		_ = tp.Shutdown(sctx) // want `Shutdown is called with sctx from signal.NotifyContext in a deferred call`
	}()
	serve(ctx)
}

func inSelect(errc <-chan error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	defer func() { _ = tp.Shutdown(context.Background()) }()
	select {
	case <-ctx.Done():
		_ = tp.Shutdown(ctx) // want `Shutdown is called with ctx from signal.NotifyContext after its Done channel closed`
	case err := <-errc:
		log.Print(err)
	}
}

func serve(context.Context) {}

// A one-line deferred function.
func oneLine() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	defer func() { _ = tp.Shutdown(ctx) }() // want `Shutdown is called with ctx from signal.NotifyContext in a deferred call`
	serve(ctx)
}
