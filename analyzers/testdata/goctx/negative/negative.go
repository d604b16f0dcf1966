// Package negative holds goroutines that must stay silent.
package negative

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("negative")

func audit(context.Context, string) {}

// Silent: the context is captured.
func captured(ctx context.Context) {
	go func() { audit(ctx, "captured") }()
}

// Silent: the context is passed.
func passed(ctx context.Context) {
	go audit(ctx, "passed")
}

// Silent: detached on purpose; the trace survives.
func detached(r *http.Request) {
	ctx := context.WithoutCancel(r.Context())
	go func() { audit(ctx, "detached") }()
}

// Silent: a new root that carries the current span.
func carried(ctx context.Context) {
	span := trace.SpanFromContext(ctx)
	go func() {
		audit(trace.ContextWithSpan(context.Background(), span), "carried")
	}()
}

// Silent: a new root linked to the current span.
func linked(ctx context.Context) {
	link := trace.LinkFromContext(ctx)
	go func() {
		_, s := tracer.Start(context.Background(), "batch", trace.WithLinks(link))
		defer s.End()
	}()
}

// Silent: no context in scope (a worker started from main).
func worker() {
	go func() { audit(context.Background(), "worker") }()
}

func main() {
	go func() { audit(context.Background(), "main") }()
}

// Silent: the goroutine needs no context.
func noContext(ctx context.Context, ch chan int) {
	go func() { ch <- 1 }()
	audit(ctx, "sync")
}

// Silent: a fresh context outside any goroutine is spanctx's business.
func notAGoroutine(ctx context.Context) {
	audit(context.Background(), "inline")
}

// Silent: the only context in scope is itself a fresh root (a test).
func freshInScope() { // want freshInScope:"startsFromFreshContext"
	ctx := context.Background()
	go func() { audit(context.Background(), "test") }()
	audit(ctx, "inline")
}

// Silent: a context derived from a fresh root carries no trace either.
func derivedInScope() { // want derivedInScope:"startsFromFreshContext"
	ctx, cancel := context.WithTimeout(context.Background(), 1)
	defer cancel()
	go func() { audit(context.Background(), "test") }()
	audit(ctx, "inline")
}

type poller struct{ stop chan struct{} }

func (p *poller) poll(context.Context) {}

// Silent: a constructor starts a long-lived worker from a fresh context on
// purpose: its own context ends when construction does (a false positive
// reported against peer linters).
func newPoller(ctx context.Context) *poller {
	p := &poller{stop: make(chan struct{})}
	audit(ctx, "constructing")
	go func() {
		wctx := context.Background()
		for {
			select {
			case <-p.stop:
				return
			default:
				p.poll(wctx)
			}
		}
	}()
	return p
}
