// Package spantrack provides a span processor for tests that records which
// spans were started and not yet ended: the run-time view of otellint's
// spanend rule.
package spantrack

import (
	"context"
	"sort"
	"sync"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// Tracker is a SpanProcessor that tracks open spans.
type Tracker struct {
	mu      sync.Mutex
	open    map[trace.SpanID]string
	started int
	ended   int
}

var _ sdktrace.SpanProcessor = (*Tracker)(nil)

// New returns an empty Tracker.
func New() *Tracker { return &Tracker{open: map[trace.SpanID]string{}} }

// OnStart implements sdktrace.SpanProcessor.
func (t *Tracker) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.open[s.SpanContext().SpanID()] = s.Name()
	t.started++
}

// OnEnd implements sdktrace.SpanProcessor.
func (t *Tracker) OnEnd(s sdktrace.ReadOnlySpan) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.open, s.SpanContext().SpanID())
	t.ended++
}

// Shutdown implements sdktrace.SpanProcessor.
func (t *Tracker) Shutdown(context.Context) error { return nil }

// ForceFlush implements sdktrace.SpanProcessor.
func (t *Tracker) ForceFlush(context.Context) error { return nil }

// Open returns the names of the spans started and not ended, sorted.
func (t *Tracker) Open() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var names []string
	for _, n := range t.open {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Counts returns how many spans were started and ended.
func (t *Tracker) Counts() (started, ended int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.started, t.ended
}
