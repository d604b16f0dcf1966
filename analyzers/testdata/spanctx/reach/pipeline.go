package reach

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"

	"example.com/testdata/spanctx/reach/concurrency"
	"example.com/testdata/spanctx/reach/medium"
)

// Pipeline runs workers that outlive its construction.
type Pipeline struct {
	wg     *sync.WaitGroup
	cancel context.CancelFunc
}

// Silent: the old context goes to a medium whose every implementation only
// sends on a channel, and to workers started to outlive the span (nothing
// waits for them before it ends): openfga's pipeline.Build.
func build(ctx context.Context, workers map[string]medium.Worker, subject string) *Pipeline {
	_, span := tracer.Start(ctx, "pipeline.Build")
	defer span.End()

	input := medium.NewStandardMedium(1)
	workers[subject].Listen(input)
	msg := medium.Message{Value: []string{subject}}
	input.Send(ctx, &msg)
	input.Close()

	var wg sync.WaitGroup
	ctx, cancel := context.WithCancel(ctx)
	for _, w := range workers {
		wg.Go(func() {
			w.Execute(ctx)
		})
	}
	return &Pipeline{wg: &wg, cancel: cancel}
}

// Still reported: the goroutines are waited for inside the span, so their
// work is the span's children.
func fanOut(ctx context.Context, workers []medium.Worker) error {
	_, span := tracer.Start(ctx, "fanOut") // want `the context returned by Start for span "fanOut" is dropped`
	defer span.End()
	g, gctx := errgroup.WithContext(ctx)
	for _, w := range workers {
		g.Go(func() error {
			w.Execute(gctx)
			return nil
		})
	}
	return g.Wait()
}

type result struct{ object string }

// Silent: the helper only watches ctx.Done() while it sends (openfga's
// reverse expansion trySendCandidate).
func trySendCandidate(ctx context.Context, candidate string, out chan<- *result) {
	_, span := tracer.Start(ctx, "trySendCandidate")
	defer span.End()
	if concurrency.TrySendThroughChannel(ctx, &result{object: candidate}, out) {
		span.AddEvent("sent")
	}
}
