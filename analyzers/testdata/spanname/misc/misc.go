// Package misc covers a suppressed finding, a span name at package level,
// method values of Start and generics.
package misc

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("misc")

func suppressed(w http.ResponseWriter, r *http.Request) {
	//otellint:ignore spanname -- an internal tool with three paths
	_, span := tracer.Start(r.Context(), r.URL.Path)
	defer span.End()
}

var handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), r.URL.Path) // want `built from r\.URL\.Path, `
	defer span.End()
})

func methodValue(ctx context.Context, orderID string) {
	start := tracer.Start
	_, span := start(ctx, "order "+orderID) // want `built from orderID, `
	defer span.End()
}

// startT is generic: its fact is on the origin.
func startT[T any](ctx context.Context, name string, v T) (context.Context, trace.Span) { // want startT:"namesSpan\\(1\\)"
	return tracer.Start(ctx, name)
}

func generic(ctx context.Context, r *http.Request) {
	_, s1 := startT(ctx, "load", 1)
	defer s1.End()
	_, s2 := startT(ctx, r.URL.Path, "x") // want `span name passed to startT is built from r\.URL\.Path, `
	defer s2.End()
}

// Interface methods: no fact, no finding at the call.
type starter interface {
	Begin(ctx context.Context, name string) context.Context
}

func viaInterface(ctx context.Context, s starter, r *http.Request) {
	_ = s.Begin(ctx, r.URL.Path)
}
