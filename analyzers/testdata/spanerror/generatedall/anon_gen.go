// Code generated from store.tmpl; DO NOT EDIT.

package generatedall

import (
	"context"

	"go.opentelemetry.io/otel"
)

func tracedGetAnon(ctx context.Context, s Store, id string) (string, error) {
	ctx, span := otel.Tracer("gen").Start(ctx, "Store.Get")
	defer span.End()
	v, err := s.Get(ctx, id)
	if err != nil {
		span.RecordError(err)
		return "", err // want `; the file is generated: fix its generator and regenerate`
	}
	return v, nil
}
