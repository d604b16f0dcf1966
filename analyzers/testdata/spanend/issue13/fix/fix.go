// Package fix covers issue 13's broken fixes: defer span.End() is offered
// only where it lands in the statement list that holds the Start, and on
// the same line when the next statement or closing brace is on it.
package fix

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var t = otel.Tracer("fix")

func g(context.Context) {}

// A one-line function: the defer goes after the Start on the same line,
// not after the function's closing brace.
func F(ctx context.Context) { _, s := t.Start(ctx, "x"); s.AddEvent("y") } // want `span "x" is not ended on all paths`

// A block on one line: the defer goes after the Start, in the block.
func oneLineBlock(ctx context.Context, ok bool) {
	if ok { _, s := t.Start(ctx, "block"); s.AddEvent("y") } // want `span "block" is not ended on all paths`
}

// The Start is the last statement of a one-line block: the defer goes
// before the closing brace. The span exists only when ok, and so does the
// deferred End.
func lastInBlock(ctx context.Context, ok bool) {
	s := trace.SpanFromContext(ctx)
	if ok { _, s = t.Start(ctx, "last") } // want `span "last" is not ended on all paths`
	s.AddEvent("y")
}

// A case body: the defer goes in the case, before the next case.
func inCase(ctx context.Context, v int) {
	switch v {
	case 1:
		ctx, s := t.Start(ctx, "case") // want `span "case" is not ended on all paths`
		g(ctx)
		s.AddEvent("y")
	case 2:
		g(ctx)
	}
}

// No fix: the Start is the switch's init statement. Inserting the defer
// before the first case does not parse, and after the switch the span
// variable is out of scope.
func switchInit(ctx context.Context, v int) {
	switch _, s := t.Start(ctx, "switch"); v { // want `span "switch" is not ended on all paths`
	case 1:
		s.AddEvent("one")
	}
}

// No fix: the Start is the if's init statement. A defer in the body would
// not run when the condition is false, and after the if the span
// variable is out of scope.
func ifInit(ctx context.Context, ok bool) {
	if _, s := t.Start(ctx, "if"); ok { // want `span "if" is not ended on all paths`
		s.AddEvent("y")
	}
}

// No fix: the Start is the init statement of an else-if.
func elseIfInit(ctx context.Context, a, b bool) {
	if a {
		g(ctx)
	} else if _, s := t.Start(ctx, "elseif"); b { // want `span "elseif" is not ended on all paths`
		s.AddEvent("y")
	}
}

// No fix: a type switch's init statement.
func typeSwitchInit(ctx context.Context, x any) {
	switch _, s := t.Start(ctx, "typeswitch"); x.(type) { // want `span "typeswitch" is not ended on all paths`
	case int:
		s.AddEvent("int")
	}
}

// No fix: a labelled Start.
func labelled(ctx context.Context) {
	goto L
L:
	_, s := t.Start(ctx, "label") // want `span "label" is not ended on all paths`
	s.AddEvent("y")
}
