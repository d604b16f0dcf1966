// Package authz holds an authorization helper that only ever answers with
// a denial status, as openfga's checkAuthz does. It imports no OTel
// package.
package authz

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// ErrUnauthorizedResponse is a PermissionDenied status: expected by its
// constructor.
var ErrUnauthorizedResponse = status.Error(codes.PermissionDenied, "the principal is not authorized to perform the action") // want ErrUnauthorizedResponse:"expectedError"

// Authorizer decides.
type Authorizer interface {
	Authorize(ctx context.Context, store, method string) error
}

// Check returns nil or the denial: every error it returns is expected.
func Check(ctx context.Context, a Authorizer, store, method string) error { // want Check:"expectedError"
	if skip(ctx) {
		return nil
	}
	err := a.Authorize(ctx, store, method)
	if err != nil {
		return ErrUnauthorizedResponse
	}
	return nil
}

// Lookup may fail for real: no fact.
func Lookup(ctx context.Context, a Authorizer, store string) error {
	if err := a.Authorize(ctx, store, "lookup"); err != nil {
		return err
	}
	return status.Error(codes.Unauthenticated, "no token")
}

func skip(context.Context) bool { return false }
