// Package eval is an expression evaluator with no tracing at all: its
// dependency closure does not reach the trace API, so no context given to
// it can start a span.
package eval

import (
	"context"
	"errors"
)

// Program is a compiled expression.
type Program struct{ src string }

// Func is a custom function an expression may call.
type Func func(ctx context.Context, args ...any) (any, error)

// Eval runs the program, stopping when ctx is cancelled.
func (p *Program) Eval(ctx context.Context, env map[string]any, funcs map[string]Func) (any, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if f, ok := funcs[p.src]; ok {
		return f(ctx, env)
	}
	return nil, errors.New("unknown expression")
}
