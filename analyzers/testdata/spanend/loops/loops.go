// Package loops covers defer span.End() in a loop, which ends every span
// only when the function returns.
package loops

import (
	"context"

	"go.opentelemetry.io/otel"
	"golang.org/x/sync/errgroup"
)

var tracer = otel.Tracer("loops")

func process(ctx context.Context, items []string) {
	for _, it := range items {
		_, span := tracer.Start(ctx, "item")
		defer span.End() // want `defer ends span "item" only when the function returns, not at the end of each loop iteration`
		_ = it
	}
}

func deferredClosure(ctx context.Context, n int) {
	for i := 0; i < n; i++ {
		_, span := tracer.Start(ctx, "iter")
		defer func() { span.End() }() // want `defer ends span "iter" only when the function returns`
	}
}

// Silent: a closure per iteration gives each span its own frame.
func perIterationFunc(ctx context.Context, items []string) {
	for _, it := range items {
		func() {
			_, span := tracer.Start(ctx, "item")
			defer span.End()
			_ = it
		}()
	}
}

// Silent: ended at the end of each iteration.
func endEachIteration(ctx context.Context, items []string) {
	for range items {
		_, span := tracer.Start(ctx, "item")
		span.End()
	}
}

// iterator reads one block; it keeps the context of the span that covers
// its reads.
type iterator struct {
	ctx   context.Context
	block string
}

func open(ctx context.Context, block string) *iterator { return &iterator{ctx, block} }

func merge(its []*iterator) []string { return nil }

// Silent: each block's span covers its iterator, which is consumed after
// the loop (a k-way merge). The spans end when the merge is done, at the
// function's return, which is what defer does.
func mergeBlocks(ctx context.Context, blocks []string) []string {
	var iters []*iterator
	for _, b := range blocks {
		ctx, span := tracer.Start(ctx, "open")
		defer span.End()
		iters = append(iters, open(ctx, b))
	}
	return merge(iters)
}

// Silent: the iterator is stored through a variable of the iteration.
func mergeIndexed(ctx context.Context, blocks []string) []string {
	iters := make([]*iterator, len(blocks))
	for i, b := range blocks {
		ctx, span := tracer.Start(ctx, "open")
		defer span.End()
		it := open(ctx, b)
		iters[i] = it
	}
	return merge(iters)
}

func watch(ctx context.Context, name string) {}

// Silent: a goroutine started in the iteration outlives it; its span ends
// when the function, which waits for them, returns.
func watchAll(ctx context.Context, names []string, done chan struct{}) {
	for _, n := range names {
		ctx, span := tracer.Start(ctx, "watch")
		defer span.End()
		go watch(ctx, n)
	}
	<-done
}

type result struct {
	id    string
	count int
}

func fetch(ctx context.Context, id string) (result, error) { return result{id: id}, nil }

// The results are plain data: each span's work ends in its iteration, and
// deferring End piles the spans up until the function returns.
func fetchAll(ctx context.Context, ids []string) ([]result, error) {
	var out []result
	for _, id := range ids {
		ctx, span := tracer.Start(ctx, "fetch")
		defer span.End() // want `defer ends span "fetch" only when the function returns`
		r, err := fetch(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// An error kept after the loop carries no work of the iteration.
func firstError(ctx context.Context, ids []string) error {
	var firstErr error
	for _, id := range ids {
		ctx, span := tracer.Start(ctx, "check")
		defer span.End() // want `defer ends span "check" only when the function returns`
		if _, err := fetch(ctx, id); err != nil && firstErr == nil {
			firstErr = err
		}
	}
	return firstErr
}

// Silent: the errgroup goroutines started in the iterations outlive them;
// they end at g.Wait, just before the function returns.
func fetchParallel(ctx context.Context, ids []string) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, id := range ids {
		ctx, span := tracer.Start(ctx, "fetch")
		defer span.End()
		g.Go(func() error {
			_, err := fetch(ctx, id)
			return err
		})
	}
	return g.Wait()
}
