// Package done covers cleanup after the context in scope is over: it must
// use a fresh context, since the cancelled one would abort it.
package done

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("done")

func flush(ctx context.Context) {
	_, span := tracer.Start(ctx, "flush")
	span.End()
}

// Silent: shutdown after <-ctx.Done() (a server's Run).
func serve(ctx context.Context, srv *http.Server) error {
	go func() {
		<-ctx.Done()
		go srv.Shutdown(context.Background())
	}()
	return srv.ListenAndServe()
}

// Silent: the same in the select case on ctx.Done().
func loop(ctx context.Context, srv *http.Server, tick <-chan time.Time) {
	for {
		select {
		case <-ctx.Done():
			go func() {
				sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				_ = srv.Shutdown(sctx)
			}()
			return
		case <-tick:
			flush(ctx)
		}
	}
}

// Silent: a context derived from the cancelled one is over as well.
func derived(ctx context.Context) {
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	<-ctx.Done()
	go flush(context.Background())
	_ = wctx
}

// Still reported: before the context is over.
func early(ctx context.Context) {
	go flush(context.Background()) // want `goroutine starts from context.Background\(\)`
	<-ctx.Done()
}

// Still reported: another context that is not over stays in scope.
func other(ctx, reqCtx context.Context) {
	<-ctx.Done()
	go flush(context.Background()) // want `goroutine starts from context.Background\(\)`
	flush(reqCtx)
}
