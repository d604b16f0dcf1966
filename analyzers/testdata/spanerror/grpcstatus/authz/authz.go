// Package authz holds an authorization helper that only ever answers with
// a denial status, as openfga's checkAuthz does. It imports no OTel
// package.
package authz

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// AuthErrorCode is the application's own code space, as openfga's
// openfgav1.AuthErrorCode: not a gRPC code the rule knows.
type AuthErrorCode int32

const (
	AuthErrorCodeForbidden AuthErrorCode = 1600
	AuthErrorCodeThrottled AuthErrorCode = 1601
)

var (
	// ErrUnauthorizedResponse is named as an outcome, and its code does not
	// say failure: expected (openfga's internal/authz declares it so).
	ErrUnauthorizedResponse = status.Error(codes.Code(AuthErrorCodeForbidden), "the principal is not authorized to perform the action") // want ErrUnauthorizedResponse:"expectedError"
	// ErrDenied is a PermissionDenied status: expected by its constructor.
	ErrDenied = status.Error(codes.PermissionDenied, "denied") // want ErrDenied:"expectedError"
	// ErrThrottledResponse has an unknown code and a name that says
	// nothing: not known to be expected.
	ErrThrottledResponse = status.Error(codes.Code(AuthErrorCodeThrottled), "slow down")
)

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

// Throttle may return ErrThrottledResponse: no fact.
func Throttle(ctx context.Context) error {
	if skip(ctx) {
		return ErrThrottledResponse
	}
	return ErrDenied
}

// Lookup may fail for real: no fact.
func Lookup(ctx context.Context, a Authorizer, store string) error {
	if err := a.Authorize(ctx, store, "lookup"); err != nil {
		return err
	}
	return status.Error(codes.Unauthenticated, "no token")
}

func skip(context.Context) bool { return false }
