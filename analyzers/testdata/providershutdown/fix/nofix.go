package fix

import (
	"context"
	"os"
	"os/signal"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var global = sdktrace.NewTracerProvider()

func provider() *sdktrace.TracerProvider { return global }

// The receiver is a call: moved into a deferred function it would be
// evaluated later. Reported, with no fix.
func receiverCall() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	defer provider().Shutdown(ctx) // want `Shutdown is called with ctx from signal.NotifyContext in a deferred call`
	serve(ctx)
}

// The names the fix would declare are taken. Reported, with no fix.
func namesTaken() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	shutdownCtx := ctx
	<-ctx.Done()
	_ = global.Shutdown(shutdownCtx) // want `Shutdown is called with shutdownCtx from signal.NotifyContext after its Done channel closed`
}

// A copy of the signal's context used only here: the fix would leave it
// unused. Reported, with no fix.
func onlyUse() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	sctx := ctx
	<-ctx.Done()
	_ = global.Shutdown(sctx) // want `Shutdown is called with sctx from signal.NotifyContext after its Done channel closed`
}

// The signal's context is used only by the deferred Shutdown: the fix
// would leave it unused. Reported, with no fix.
func onlyDeferred() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	defer global.Shutdown(ctx) // want `Shutdown is called with ctx from signal.NotifyContext in a deferred call`
}
