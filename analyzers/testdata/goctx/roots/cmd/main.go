// Command cmd is a program's main: its only context is a root made by a
// helper, which carries no span, so goroutines that start from Background
// lose no trace.
package main

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"

	"example.com/testdata/goctx/roots/signals"
)

var tracer = otel.Tracer("cmd")

func report(ctx context.Context) {
	_, span := tracer.Start(ctx, "report")
	span.End()
}

// Silent: ctx is a fresh root, like context.Background() itself.
func main() {
	ctx := signals.NewInterruptContext()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		report(context.Background())
	}()
	go func() {
		_ = srv.ListenAndServe()
	}()
	<-ctx.Done()
}

// rootFor wraps the helper in this package: also a fresh root (fact).
func rootFor() context.Context { // want rootFor:"startsFromFreshContext"
	ctx, _ := context.WithCancel(signals.NewInterruptContext())
	_ = context.Background()
	return ctx
}

// Silent: derived from a helper's root.
func run() {
	ctx := rootFor()
	go report(context.Background())
	report(ctx)
}
