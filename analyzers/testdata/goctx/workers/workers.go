// Package workers covers long-lived loops started from a fresh root on
// purpose: passing the caller's context would chain every iteration into
// one unbounded trace, and tie the worker to a call that ends first.
package workers

import (
	"context"
	"time"

	"go.opentelemetry.io/otel"

	"example.com/testdata/goctx/workers/poll"
)

var tracer = otel.Tracer("workers")

type event struct{ name string }

// Dispatcher delivers events until Stop.
type Dispatcher struct {
	events chan event
	stop   chan struct{}
}

// Silent: SetConfig starts the dispatcher, which runs until Stop.
func (d *Dispatcher) SetConfig(ctx context.Context, size int) {
	d.events = make(chan event, size)
	d.stop = make(chan struct{})
	tracer.Start(ctx, "config")
	go d.run(context.Background())
}

func (d *Dispatcher) run(ctx context.Context) {
	for {
		select {
		case <-d.stop:
			return
		case ev := <-d.events:
			d.deliver(ctx, ev)
		}
	}
}

func (d *Dispatcher) deliver(ctx context.Context, ev event) {
	_, span := tracer.Start(ctx, ev.name)
	span.End()
}

// Silent: the loop sits in a called function of this package.
func (d *Dispatcher) Start(ctx context.Context) {
	tracer.Start(ctx, "start")
	go func() {
		d.run(context.Background())
	}()
}

// Silent: a loop that runs until its own context ends.
func (d *Dispatcher) drain(ctx context.Context) {
	go func() {
		wctx := context.Background()
		for wctx.Err() == nil {
			d.deliver(wctx, <-d.events)
		}
	}()
}

// Silent: the loop is in another package, known by its fact.
func startPoller(ctx context.Context, p *poll.Poller) {
	tracer.Start(ctx, "poller")
	go p.Run(context.Background())
}

// Still reported: a bounded loop over a slice is no worker.
func replay(ctx context.Context, d *Dispatcher, evs []event) {
	go func() {
		for i := range evs {
			d.deliver(context.Background(), evs[i]) // want `goroutine starts from context.Background\(\)`
		}
	}()
}

// Still reported: one poll, no loop.
func pollOnce(ctx context.Context, d *Dispatcher) {
	time.Sleep(time.Millisecond)
	go d.deliver(context.Background(), event{"once"}) // want `goroutine starts from context.Background\(\)`
}

// Poller re-arms itself after every poll.
type Poller struct {
	interval time.Duration
	d        *Dispatcher
}

// Silent: each round schedules the next; passing the caller's context
// would chain every poll into one unbounded trace.
func (p *Poller) schedule(ctx context.Context) {
	tracer.Start(ctx, "schedule")
	go func() {
		time.Sleep(p.interval)
		p.d.deliver(context.Background(), event{"poll"})
		p.schedule(context.Background())
	}()
}

// Stream relays messages until it is shut down.
type Stream struct{ done chan struct{} }

// IsShutdown reports whether the stream is over.
func (s *Stream) IsShutdown() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// Silent: the relay runs until the stream shuts down; each retry's lookup
// gets a fresh, short timeout (temporal's AdminStreamReplicationMessages).
func relay(ctx context.Context, s *Stream, d *Dispatcher) {
	tracer.Start(ctx, "relay")
	go func() {
		for !s.IsShutdown() {
			lctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			d.deliver(lctx, event{"describe"})
			cancel()
		}
	}()
}
