// Package apperrors covers status errors with codes of the application's
// own, openfga's server errors: status.Error(codes.Code(2000), ...) is no
// gRPC code, so no scheme says whether it answers the request or fails;
// a constructor named as an outcome (ValidationError, ModelNotFound) that
// returns only such constants says it. One named otherwise, or one that
// computes its code, says nothing.
package apperrors

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

var tracer = otel.Tracer("apperrors")

// The application's own codes, as a generated enum declares them.
type ErrorCode int32

const (
	ErrorCodeValidation    ErrorCode = 2000
	ErrorCodeModelNotFound ErrorCode = 2001
	ErrorCodeStorage       ErrorCode = 4000
)

// ValidationError answers a request that does not validate.
func ValidationError(cause error) error { // want ValidationError:"expectedError"
	return status.Error(codes.Code(ErrorCodeValidation), cause.Error())
}

// ModelNotFound answers a request for a model that does not exist.
func ModelNotFound(id string) error { // want ModelNotFound:"expectedError"
	return status.Errorf(codes.Code(ErrorCodeModelNotFound), "model %s not found", id)
}

// StorageFailure is named after no outcome: a failure.
func StorageFailure(cause error) error {
	return status.Error(codes.Code(ErrorCodeStorage), cause.Error())
}

// Translate computes its code: not known.
func Translate(code ErrorCode, msg string) error {
	return status.Error(codes.Code(code), msg)
}

func validate(string) error              { return errors.New("bad model id") }
func load(context.Context, string) error { return errors.New("storage down") }

// Silent on the answers; the storage failure and the computed code are
// reported.
func ReadModel(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "ReadModel")
	defer span.End()
	if err := validate(id); err != nil {
		return ValidationError(err)
	}
	if id == "" {
		return ModelNotFound(id)
	}
	if err := load(ctx, id); err != nil {
		return StorageFailure(err) // want `error returned while span "ReadModel" is live`
	}
	if id == "legacy" {
		return Translate(ErrorCodeValidation, "legacy model") // want `error returned while span "ReadModel" is live`
	}
	return nil
}
