// Package lib summarises what its functions do with contexts. // want package:"analysed\\(tracing\\)"
package lib

import (
	"context"
	"os"
	"os/signal"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"

	"example.com/testdata/ctxscope/facts/nolib"
)

var tracer = otel.Tracer("lib")

// Starts starts a span from its context.
func Starts(ctx context.Context) { // want Starts:"ctxReachesSpans\\(0\\)"
	_, span := tracer.Start(ctx, "starts")
	span.End()
}

// Relays passes its second context on, through a derived one.
func Relays(_ context.Context, ctx context.Context) { // want Relays:"ctxReachesSpans\\(1\\)"
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	later(tctx)
}

// later is declared after its caller: the fixed point finds it.
func later(ctx context.Context) { Starts(ctx) } // want later:"ctxReachesSpans\\(0\\)"

// Values only reads a value.
func Values(ctx context.Context) any { return ctx.Value("k") }

// Waits only waits on Done, and calls a library without tracing.
func Waits(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	default:
	}
	return nolib.Wait(ctx)
}

// Replaces puts another span into the context before using it: the
// parameter's span does not reach the Start.
func Replaces(ctx context.Context, span trace.Span) {
	sctx := trace.ContextWithSpan(ctx, span)
	Starts(sctx)
}

// Stores keeps the context for later: it may be used to start spans.
func Stores(ctx context.Context) *Job { return &Job{ctx: ctx} } // want Stores:"ctxReachesSpans\\(0\\)"

// Job carries a context.
type Job struct{ ctx context.Context }

// Root returns a fresh root made from a signal context.
func Root() context.Context { // want Root:"returnsFreshContext"
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	_ = stop
	return ctx
}

// RootOf derives from Root.
func RootOf() (context.Context, context.CancelFunc) { // want RootOf:"returnsFreshContext"
	return context.WithCancel(Root())
}

// NotRoot returns its parameter.
func NotRoot(ctx context.Context) context.Context { return ctx }

// Loop runs until stopped.
func Loop(stop <-chan struct{}, ctx context.Context) { // want Loop:"workerLoop" Loop:"ctxReachesSpans\\(1\\)"
	for {
		select {
		case <-stop:
			return
		default:
			Starts(ctx)
		}
	}
}

// Drain drains a channel by calling Loop's caller shape.
func Drain(jobs <-chan Job) { // want Drain:"workerLoop"
	for j := range jobs {
		Starts(j.ctx)
	}
}

// Until runs Loop: a worker through a called function.
func Until(stop <-chan struct{}) { // want Until:"workerLoop"
	Loop(stop, context.Background())
}

// Sender is implemented in this package only, by a channel send: its Send
// starts no span.
type Sender interface {
	Send(ctx context.Context, v int) bool
}

type chanSender chan int

func (c chanSender) Send(ctx context.Context, v int) bool {
	select {
	case <-ctx.Done():
		return false
	case c <- v:
		return true
	}
}

// Store is implemented elsewhere: unknown, so it can.
type Store interface {
	Get(ctx context.Context, key string) string // want Get:"ctxReachesSpans\\(0\\)"
}

// Traced has one implementation that starts a span.
type Traced interface {
	Do(ctx context.Context) // want Do:"ctxReachesSpans\\(0\\)"
}

type tracedImpl struct{}

func (tracedImpl) Do(ctx context.Context) { Starts(ctx) } // want Do:"ctxReachesSpans\\(0\\)"

// Go runs f in a new goroutine, recovering panics.
func Go(f func()) { // want Go:"spawns\\(0\\)"
	go func() {
		defer func() { recover() }()
		f()
	}()
}

// GoLater hands its function to Go: a helper too, by the fixed point.
func GoLater(name string, f func()) { // want GoLater:"spawns\\(1\\)"
	Go(f)
}
