// Package concurrency holds channel helpers that only watch ctx.Done()
// (openfga's internal/concurrency shape).
package concurrency

import "context"

// TrySendThroughChannel sends msg unless ctx ends first.
func TrySendThroughChannel[T any](ctx context.Context, msg T, channel chan<- T) bool {
	select {
	case <-ctx.Done():
		return false
	case channel <- msg:
		return true
	}
}
