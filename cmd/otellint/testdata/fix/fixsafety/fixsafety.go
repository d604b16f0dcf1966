// Package fixsafety holds code on which the rules' suggested fixes did not
// compile (issue 13): otellint -fix must drop such a fix, never write it.
package fixsafety

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
)

var t = otel.Tracer("fixsafety")

// SwitchInit starts a span in a switch init: defer span.End() cannot go
// before the first case.
func SwitchInit(ctx context.Context, x int) {
	switch _, s := t.Start(ctx, "switch"); x {
	case 1:
		s.AddEvent("one")
	}
}

// OneLine is a one-line function: defer span.End() cannot go after its
// closing brace.
func OneLine(ctx context.Context) { _, s := t.Start(ctx, "x"); s.AddEvent("y") }

// Shadow has a local variable named codes: codes.Error does not name the
// OTel constant.
func Shadow(ctx context.Context) error {
	_, span := t.Start(ctx, "shadow")
	defer span.End()
	codes := []int{1}
	_ = codes
	if err := errors.New("x"); err != nil {
		span.RecordError(err)
		return err
	}
	return nil
}
