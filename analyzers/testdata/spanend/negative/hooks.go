package negative

import (
	"context"

	"go.opentelemetry.io/otel/trace"
)

// Regression (gorm.io/plugin/opentelemetry): a before-hook starts a span
// and stores the context that carries it; the after-hook ends
// trace.SpanFromContext. Silent.
type statement struct{ Context context.Context }

type ctxWrapper struct {
	context.Context
	parent context.Context
}

func before(st *statement, t trace.Tracer, name string) {
	parent := st.Context
	ctx, span := t.Start(st.Context, name)
	st.Context = ctxWrapper{ctx, parent}
	span.SetAttributes()
}

func after(st *statement) {
	trace.SpanFromContext(st.Context).End()
}

// Silent: the context with the span is returned to the caller.
func startRequest(ctx context.Context, t trace.Tracer) context.Context {
	ctx, span := t.Start(ctx, "request")
	span.AddEvent("started")
	return ctx
}
