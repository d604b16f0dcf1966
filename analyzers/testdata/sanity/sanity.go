// Package sanity is odd but valid Go that every analyzer must survive
// without a panic: generics, method values and expressions of Start, spans
// in maps, dot imports, bodiless functions, labels and goto.
package sanity

import (
	"context"
	_ "unsafe"

	. "go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

//go:linkname nanotime runtime.nanotime
func nanotime() int64

func bodiless(ctx context.Context) (context.Context, Span)

type Pair[K comparable, V any] struct {
	m map[K]V
}

func (p *Pair[K, V]) Put(k K, v V) { p.m[k] = v }

func spansInMap(ctx context.Context, t Tracer) map[string]Span {
	p := &Pair[string, Span]{m: map[string]Span{}}
	_, s := t.Start(ctx, "m")
	p.Put("a", s)
	return p.m
}

func methodExpr(ctx context.Context) {
	start := noop.Tracer.Start
	_, s := start(noop.Tracer{}, ctx, "expr")
	defer s.End()
}

func labels(ctx context.Context, t Tracer, n int) {
	_, s := t.Start(ctx, "labels")
	defer s.End()
outer:
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if j == i {
				continue outer
			}
			if j > 5 {
				goto done
			}
		}
	}
done:
}

func typeSwitch(s any) {
	switch v := s.(type) {
	case Span:
		v.End()
	case interface{ End() }:
		v.End()
	}
}

func multiValue(ctx context.Context, t Tracer) (context.Context, Span) {
	return t.Start(ctx, "multi")
}

func passMulti(ctx context.Context, t Tracer) {
	take(t.Start(ctx, "passed"))
}

func take(ctx context.Context, s Span) { s.End() }

func funcValue(ctx context.Context, f func(context.Context) (context.Context, Span)) {
	_, s := f(ctx)
	s.End()
}

var _ = func() int {
	_, s := noop.Tracer{}.Start(context.Background(), "init")
	s.End()
	return 0
}()

func empty() {}

func selectNone() {
	select {}
}
