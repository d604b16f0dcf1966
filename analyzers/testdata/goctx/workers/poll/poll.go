// Package poll holds a poller whose loop is summarised by a fact.
package poll

import (
	"context"
	"time"
)

// Poller polls until Stop.
type Poller struct {
	stop  chan struct{}
	fetch func(context.Context)
}

// Run polls until the stop channel is closed.
func (p *Poller) Run(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.fetch(ctx)
		}
	}
}
