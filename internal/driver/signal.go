package driver

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// whileLoading returns a context that SIGINT or SIGTERM cancels, and a
// function to call once loading is done, which reports whether a signal
// came and restores the default handling. Loading runs the go command
// (go list, which may build for export data): cancelling the context ends
// it, where a signal that killed otellint at once would leave it running.
// A second signal, or one after loading, when no child runs, kills
// otellint as usual.
func whileLoading() (context.Context, func() (interrupted bool)) {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	got := make(chan bool, 1)
	go func() {
		select {
		case <-sigs:
			signal.Stop(sigs) // the next signal kills
			cancel()
			got <- true
		case <-done:
			got <- false
		}
	}()
	return ctx, func() bool {
		close(done)
		interrupted := <-got
		signal.Stop(sigs)
		select {
		case <-sigs: // came as loading ended
			interrupted = true
		default:
		}
		cancel()
		return interrupted
	}
}
