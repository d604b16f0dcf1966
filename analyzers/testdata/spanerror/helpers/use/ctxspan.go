package use

// Helpers that mark the caller's span through the context they are given
// (trace.SpanFromContext(ctx)): openfga's resolveTypesystem calls
// telemetry.TraceError(trace.SpanFromContext(ctx), err) on a storage
// failure, so the Expand span that calls it with its own context is marked.

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel/trace"

	"example.com/testdata/spanerror/helpers/telemetry"
)

type model struct{ id string }

func readModel(context.Context, string) (*model, error) { return nil, errors.New("storage down") }

// resolveModel marks the span its context carries on a storage failure.
func resolveModel(ctx context.Context, id string) (*model, error) {
	span := trace.SpanFromContext(ctx)
	m, err := readModel(ctx, id)
	if err != nil {
		return nil, telemetry.Fail(span, err)
	}
	return m, nil
}

// Silent: resolveModel is given the context Start returned, so it marks
// the expand span on the failures it returns.
func expand(ctx context.Context, id string) (*model, error) {
	ctx, span := tracer.Start(ctx, "expand")
	defer span.End()
	m, err := resolveModel(ctx, id)
	if err != nil {
		return nil, err
	}
	return m, nil
}

// Silent: the helper of another package marks the span of its context.
func expandRemote(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "expandRemote")
	defer span.End()
	if _, err := readModel(ctx, id); err != nil {
		return telemetry.FailContext(ctx, err)
	}
	return nil
}

// Reported: the helper is given the parent's context, so it marks the
// parent span and this one stays OK.
func expandParent(parent context.Context, id string) (*model, error) {
	ctx, span := tracer.Start(parent, "expandParent")
	defer span.End()
	m, err := resolveModel(parent, id)
	if err != nil {
		return nil, err // want `error returned while span "expandParent" is live`
	}
	_ = ctx
	return m, nil
}

// Reported: a helper that takes the context but marks nothing.
func expandPlain(ctx context.Context, id string) (*model, error) {
	ctx, span := tracer.Start(ctx, "expandPlain")
	defer span.End()
	m, err := readModel(ctx, id)
	if err != nil {
		return nil, err // want `error returned while span "expandPlain" is live`
	}
	return m, nil
}

// resolveVar is resolveModel with the borrowed span declared by var.
func resolveVar(ctx context.Context, id string) error {
	var span = trace.SpanFromContext(ctx)
	if _, err := readModel(ctx, id); err != nil {
		return telemetry.Fail(span, err)
	}
	return nil
}

// Silent: resolveVar marks the span of the context it is given.
func expandVar(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "expandVar")
	defer span.End()
	return resolveVar(ctx, id)
}
