// Package issue13 covers issue 13's broken fix: binding the dropped
// context with := declares a new variable when the Start is in a block
// nested inside the one that declares the parent context. The fix is
// offered only when the binding assigns the variable the old context is
// passed on from.
package issue13

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var t = otel.Tracer("issue13")

func g(ctx context.Context) {
	_, span := t.Start(ctx, "g")
	span.End()
}

// No fix: ctx, span := in the if block would declare a new ctx there
// ("declared and not used"), and g would still get the old context.
func innerBlock(ctx context.Context, ok bool) {
	if ok {
		_, span := t.Start(ctx, "a") // want `the context returned by Start for span "a" is dropped`
		defer span.End()
	}
	g(ctx)
}

// No fix: the Start is an if's init statement, a scope of its own.
func ifInit(ctx context.Context, ok bool) {
	if _, span := t.Start(ctx, "init"); ok { // want `the context returned by Start for span "init" is dropped`
		defer span.End()
	}
	g(ctx)
}

// Fixed: a case clause is a scope of its own, but g is in it: it gets the
// new ctx.
func inCase(ctx context.Context, v int) {
	switch v {
	case 1:
		_, span := t.Start(ctx, "case") // want `the context returned by Start for span "case" is dropped`
		defer span.End()
		g(ctx)
	}
}

// Fixed: = assigns the outer ctx, which g reads.
func innerAssign(ctx context.Context, ok bool) {
	var span trace.Span
	if ok {
		_, span = t.Start(ctx, "assign") // want `the context returned by Start for span "assign" is dropped`
		defer span.End()
	}
	g(ctx)
}

// Fixed: ctx is declared in the same block, so := assigns it.
func sameBlock(parent context.Context, ok bool) {
	if ok {
		ctx := parent
		_, span := t.Start(ctx, "same") // want `the context returned by Start for span "same" is dropped`
		defer span.End()
		g(ctx)
	}
}

// Fixed: the parameter is in the function's scope, which := at the top
// of the body redeclares.
func topLevel(ctx context.Context) {
	_, span := t.Start(ctx, "top") // want `the context returned by Start for span "top" is dropped`
	defer span.End()
	g(ctx)
}

// Silent: the method expression ends the span before g runs.
func methodExprEnd(ctx context.Context) {
	_, span := t.Start(ctx, "expr")
	span.AddEvent("x")
	trace.Span.End(span)
	g(ctx)
}

// Silent: the method value ends the span before g runs.
func methodValueEnd(ctx context.Context) {
	_, span := t.Start(ctx, "value")
	end := span.End
	span.AddEvent("x")
	end()
	g(ctx)
}
