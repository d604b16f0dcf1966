// Package strict covers -spanerror.strict=true: expected errors are
// failures too; only nil and the sentinel table tested with == or
// errors.Is are not.
package strict

import (
	"context"
	"errors"
	"io"

	"go.opentelemetry.io/otel"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

var tracer = otel.Tracer("strict")

var ErrNotFound = errors.New("not found") // want ErrNotFound:"expectedError"

func read(context.Context) error { return errStub }

func get(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "get")
	defer span.End()
	if id == "" {
		return status.Error(codes.InvalidArgument, "id is required") // want `error returned while span "get" is live`
	}
	if ctx.Err() != nil {
		return ctx.Err() // want `error returned while span "get" is live`
	}
	err := read(ctx)
	if err == io.EOF {
		return err // silent: the sentinel table holds in strict mode too
	}
	if err != nil {
		return ErrNotFound // want `error returned while span "get" is live`
	}
	return nil
}
