// Package errtypes covers error types that carry their gRPC status, the
// spicedb shape: a type whose GRPCStatus method answers only with
// client-class codes is expected, and so are its values and the
// constructors that return only them.
package errtypes

import (
	"context"
	"fmt"
	"slices"

	"go.opentelemetry.io/otel"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

var tracer = otel.Tracer("errtypes")

// WildcardNotAllowedError answers InvalidArgument.
type WildcardNotAllowedError struct { // want WildcardNotAllowedError:"expectedError"
	error
	fieldName string
}

// GRPCStatus implements retrieving the gRPC status for the error.
func (err WildcardNotAllowedError) GRPCStatus() *status.Status {
	return withCode(err, codes.InvalidArgument, err.fieldName)
}

// NewWildcardNotAllowedErr returns only the expected type.
func NewWildcardNotAllowedErr(message string, fieldName string) error { // want NewWildcardNotAllowedErr:"expectedError"
	return WildcardNotAllowedError{
		error:     fmt.Errorf("invalid argument: %s", message),
		fieldName: fieldName,
	}
}

// CheckFailureError answers Unknown or Internal: a failure.
type CheckFailureError struct{ error }

func (err CheckFailureError) GRPCStatus() *status.Status {
	if err.error == nil {
		return withCode(err, codes.Unknown, "")
	}
	return withCode(err, codes.Internal, "")
}

func withCode(err error, code codes.Code, detail string) *status.Status {
	return status.New(code, err.Error()+detail)
}

// NotFound is temporal's serviceerror shape: a Status method.
type NotFound struct { // want NotFound:"expectedError"
	Message string
}

func (e *NotFound) Error() string { return e.Message }

func (e *NotFound) Status() *status.Status { return status.New(codes.NotFound, e.Message) }

// NewNotFound returns new NotFound error.
func NewNotFound(message string) error { // want NewNotFound:"expectedError"
	return &NotFound{Message: message}
}

// Health has a Status method that is no gRPC status: no fact.
type Health struct{ code codes.Code }

func (h Health) Error() string { return "unhealthy" }

func (h Health) Status() codes.Code { return codes.NotFound }

type Request struct{ SubjectIDs []string }

func dispatch(context.Context, *Request) error { return errStub }

// EvaluationError is returned by its constructor as itself, not as error
// (spicedb's caveats.NewEvaluationError): the call's type says what it is.
type EvaluationError struct { // want EvaluationError:"expectedError"
	error
}

func (err EvaluationError) GRPCStatus() *status.Status {
	return status.New(codes.InvalidArgument, err.Error())
}

func NewEvaluationError(err error) EvaluationError {
	return EvaluationError{err}
}

func newCheckFailure(err error) *CheckFailureError {
	return &CheckFailureError{err}
}

func evaluate(ctx context.Context, req *Request) error {
	ctx, span := tracer.Start(ctx, "evaluate")
	defer span.End()
	if err := dispatch(ctx, req); err != nil {
		if len(req.SubjectIDs) == 0 {
			return NewEvaluationError(err) // silent
		}
		return newCheckFailure(err) // want `error returned while span "evaluate" is live`
	}
	return nil
}

func lookup(ctx context.Context, req *Request) error {
	ctx, span := tracer.Start(ctx, "lookupresources")
	defer span.End()
	if slices.Contains(req.SubjectIDs, "*") {
		return NewWildcardNotAllowedErr("cannot perform lookup resources on wildcard", "subject_id") // silent
	}
	if len(req.SubjectIDs) == 0 {
		return NewNotFound("no subjects") // silent
	}
	if len(req.SubjectIDs) == 1 {
		return Health{} // want `error returned while span "lookupresources" is live`
	}
	if len(req.SubjectIDs) > 100 {
		return &WildcardNotAllowedError{error: fmt.Errorf("too many"), fieldName: "subject_ids"} // silent
	}
	if err := dispatch(ctx, req); err != nil {
		return CheckFailureError{err} // want `error returned while span "lookupresources" is live`
	}
	return nil
}
