// Package signals makes the root context of a program: cancelled on
// SIGINT, carrying no span (the shape of jaeger's and kubernetes'
// signal helpers).
package signals

import (
	"context"
	"os"
	"os/signal"
)

// NewInterruptContext returns a context cancelled on interrupt.
func NewInterruptContext() context.Context { // want NewInterruptContext:"startsFromFreshContext"
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	_ = cancel
	return ctx
}
