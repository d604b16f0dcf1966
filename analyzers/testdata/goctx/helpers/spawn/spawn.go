// Package spawn holds goroutine helpers, summarised by facts.
package spawn

import "context"

// Go runs f in a new goroutine, recovering panics.
func Go(f func()) { // a helper: ctxscope's spawns(0) fact
	go func() {
		defer func() { recover() }()
		f()
	}()
}

// Refresh takes no context and starts from a fresh one.
func Refresh() { // want Refresh:"startsFromFreshContext"
	do(context.Background())
}

func do(context.Context) {}
