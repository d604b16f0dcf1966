// Package basic covers goroutines that start from a fresh context while one
// is in scope.
package basic

import (
	"context"
	"net/http"
	"sync"

	"go.opentelemetry.io/otel"
	"golang.org/x/sync/errgroup"
)

var tracer = otel.Tracer("basic")

func audit(context.Context, string) {}

func handler(w http.ResponseWriter, r *http.Request) {
	go func() {
		audit(context.Background(), r.URL.Path) // want `goroutine starts from context.Background\(\) while a context is in scope \(its spans become orphan traces and it ignores cancellation\)`
	}()
}

func todo(ctx context.Context) {
	go func() {
		_, span := tracer.Start(context.TODO(), "orphan") // want `goroutine starts from context.TODO\(\) while a context is in scope`
		defer span.End()
	}()
}

func namedCall(ctx context.Context) {
	go audit(context.Background(), "x") // want `goroutine starts from context.Background\(\)`
}

func group(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		audit(context.Background(), "a") // want `goroutine starts from context.Background\(\)`
		return nil
	})
	g.Go(func() error {
		audit(gctx, "b")
		return nil
	})
	return g.Wait()
}

func waitGroup(ctx context.Context) {
	var wg sync.WaitGroup
	wg.Go(func() {
		audit(context.Background(), "wg") // want `goroutine starts from context.Background\(\)`
	})
	wg.Wait()
}
