// Package goroutines holds fresh starts that are goctx's business, or not
// findings at all, so spanctx stays silent.
package goroutines

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"

	"example.com/testdata/goctx/helpers/spawn"
	"example.com/testdata/goctx/roots/signals"
)

var tracer = otel.Tracer("goroutines")

func load(ctx context.Context) {
	_, span := tracer.Start(ctx, "load")
	span.End()
}

// Silent: goctx reports the goroutine that starts from Background while a
// context is in scope; one finding is enough.
func audit(ctx context.Context) {
	load(ctx)
	go func() {
		_, span := tracer.Start(context.Background(), "audit")
		defer span.End()
	}()
}

// Silent: the same through a goroutine helper of another package (by its
// spawns fact), which goctx reports.
func auditVia(ctx context.Context) {
	load(ctx)
	spawn.Go(func() {
		_, span := tracer.Start(context.Background(), "audit")
		defer span.End()
	})
}

// Silent: the only context in scope is a root made by a helper, carrying no
// span (a program's main).
func serve() {
	ctx := signals.NewInterruptContext()
	_, span := tracer.Start(context.Background(), "serve")
	defer span.End()
	load(ctx)
}

// Silent: the context in scope is over; shutdown work after <-ctx.Done()
// must start from a fresh one.
func shutdown(ctx context.Context, srv *http.Server) {
	<-ctx.Done()
	sctx, span := tracer.Start(context.Background(), "shutdown")
	defer span.End()
	_ = srv.Shutdown(sctx)
}

// Still reported: a fresh start outside a goroutine while ctx lives.
func orphan(ctx context.Context) {
	_, span := tracer.Start(context.Background(), "orphan") // want `span "orphan" starts from context.Background\(\) while ctx is in scope`
	defer span.End()
	load(ctx)
}
