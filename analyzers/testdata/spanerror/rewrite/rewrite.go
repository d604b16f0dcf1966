// Package rewrite covers error rewriters (spicedb's dispatch rewriteError):
// a function that returns its error argument, the gRPC status it carries,
// or the gRPC form of a context that is over keeps an expected error
// expected, and a failure a failure.
package rewrite

import (
	"context"
	"errors"
	"fmt"
	"log"

	"go.opentelemetry.io/otel"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

var tracer = otel.Tracer("rewrite")

var errBackend = errors.New("backend down")

// RelationNotFoundError answers NotFound.
type RelationNotFoundError struct { // want RelationNotFoundError:"expectedError"
	relation string
}

func (e RelationNotFoundError) Error() string { return "relation " + e.relation + " not found" }

func (e RelationNotFoundError) GRPCStatus() *status.Status {
	return status.New(codes.NotFound, e.Error())
}

func lookupRelation(_ context.Context, name string) (string, error) { // want lookupRelation:"expectedError"
	if name == "" {
		return "", RelationNotFoundError{name}
	}
	return name, nil
}

func dispatch(ctx context.Context, name string) error {
	if name == "down" {
		return errBackend
	}
	return ctx.Err()
}

func rewriteError(ctx context.Context, err error) error { // want rewriteError:"preservesExpected\\(1\\)"
	if err == nil {
		return nil
	}
	if st, ok := status.FromError(err); ok {
		return st.Err()
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return status.Errorf(codes.DeadlineExceeded, "%s", err)
	case errors.Is(err, context.Canceled):
		if cause := context.Cause(ctx); cause != nil {
			return cause
		}
		return status.Errorf(codes.Canceled, "%s", err)
	default:
		log.Printf("unexpected error: %v", err)
		return err
	}
}

// Not a rewriter: a failure of its own on one path.
func annotate(err error, what string) error {
	if what == "" {
		return errBackend
	}
	return fmt.Errorf("%s: %w", what, err)
}

// Not a rewriter: Internal, whatever the argument was.
func internal(err error) error {
	if err == nil {
		return nil
	}
	return status.Errorf(codes.Internal, "%s", err)
}

func check(ctx context.Context, name string) (string, error) {
	ctx, span := tracer.Start(ctx, "check")
	defer span.End()
	relation, err := lookupRelation(ctx, name)
	if err != nil {
		return "", rewriteError(ctx, err) // silent: lookupRelation only answers NotFound
	}
	if err := dispatch(ctx, relation); err != nil {
		return "", rewriteError(ctx, err) // want `error returned while span "check" is live`
	}
	return relation, nil
}

func checkOthers(ctx context.Context, name string) error {
	ctx, span := tracer.Start(ctx, "checkOthers")
	defer span.End()
	if _, err := lookupRelation(ctx, name); err != nil {
		if name == "x" {
			return annotate(err, "") // want `error returned while span "checkOthers" is live`
		}
		return internal(err) // want `error returned while span "checkOthers" is live`
	}
	return nil
}
