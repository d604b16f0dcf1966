// Package messages covers how findings name the span and the mistake.
package messages

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("messages")

func run(context.Context) error { return errStub }

// A span whose name is not a constant is named by where it starts.
func named(ctx context.Context, op string) error {
	ctx, span := tracer.Start(ctx, op)
	defer span.End()
	return run(ctx) // want `error returned while span started by tracer.Start at line 17 is live`
}

type store struct{ tracer trace.Tracer }

func (s *store) query(ctx context.Context, q string) error {
	ctx, span := s.tracer.Start(ctx, "query "+q)
	defer span.End()
	return run(ctx) // want `error returned while span started by s.tracer.Start at line 25 is live`
}

// A deferred closure records the error but never sets the status.
func deferredRecord(ctx context.Context) (err error) {
	ctx, span := tracer.Start(ctx, "deferredRecord")
	defer func() {
		if err != nil {
			span.RecordError(err)
		}
		span.End()
	}()
	return run(ctx) // want `span "deferredRecord" records the error but never sets codes.Error \(RecordError alone leaves the status Unset`
}
