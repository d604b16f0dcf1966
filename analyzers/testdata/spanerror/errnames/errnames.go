// Package errnames covers error types named as an outcome, openfga's
// authorizer: a type with an Error method and no gRPC status of its own
// whose name says the request was refused or not found (authorizationError,
// NotFoundError) is expected, and so are its values and the helpers that
// return only them. A type named otherwise (QueryError) is a failure.
package errnames

import (
	"context"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("errnames")

type authorizationError struct { // want authorizationError:"expectedError"
	Cause string
}

func (e *authorizationError) Error() string { return e.Cause }

// NotFoundError is a plain value type.
type NotFoundError string // want NotFoundError:"expectedError"

func (e NotFoundError) Error() string { return string(e) + " not found" }

// QueryError wraps a storage failure.
type QueryError struct{ Err error }

func (e *QueryError) Error() string { return "query: " + e.Err.Error() }

type claims struct{ clientID string }

func claimsFrom(context.Context) (*claims, bool) { return nil, false }

func check(context.Context, string) (bool, error) { return false, errors.New("check backend down") }

// checkAuthClaims returns only the expected type.
func checkAuthClaims(ctx context.Context) (*claims, error) { // want checkAuthClaims:"expectedError"
	c, ok := claimsFrom(ctx)
	if !ok || c.clientID == "" {
		return nil, &authorizationError{Cause: "client ID not found in context or is empty"}
	}
	return c, nil
}

// Silent: a missing client ID and a refused check are answers, not
// failures; the check backend's failure is reported.
func authorizeCreateStore(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "AuthorizeCreateStore")
	defer span.End()

	c, err := checkAuthClaims(ctx)
	if err != nil {
		return err
	}
	allowed, err := check(ctx, c.clientID)
	if err != nil {
		return err // want `error returned while span "AuthorizeCreateStore" is live`
	}
	if !allowed {
		return &authorizationError{Cause: "check returned not allowed"}
	}
	return nil
}

// Reported: a type whose name says nothing of an outcome.
func lookup(ctx context.Context, key string) (string, error) {
	ctx, span := tracer.Start(ctx, "lookup")
	defer span.End()
	if key == "" {
		return "", NotFoundError(key)
	}
	if _, err := check(ctx, key); err != nil {
		return "", &QueryError{Err: err} // want `error returned while span "lookup" is live`
	}
	return key, nil
}

// RelationUndefinedError: the client's model does not define the relation
// it asked about (openfga's typesystem).
type RelationUndefinedError struct { // want RelationUndefinedError:"expectedError"
	Relation string
}

func (e *RelationUndefinedError) Error() string { return "relation " + e.Relation + " undefined" }

func getRelation(relations map[string]bool, name string) (string, error) { // want getRelation:"expectedError"
	if !relations[name] {
		return "", &RelationUndefinedError{Relation: name}
	}
	return name, nil
}

// Silent: a fmt.Errorf of an expected error is expected.
func resolve(ctx context.Context, relations map[string]bool, name string) (string, error) { // want resolve:"expectedError"
	ctx, span := tracer.Start(ctx, "resolve")
	defer span.End()
	rel, err := getRelation(relations, name)
	if err != nil {
		return "", fmt.Errorf("resolve %s: %w", name, err)
	}
	return rel, nil
}

// Silent: a new error describing an expected one is a translation
// (openfga's ResolveCheck: "relation '%s' undefined for object type '%s'").
func resolveNamed(ctx context.Context, relations map[string]bool, name string) (string, error) {
	ctx, span := tracer.Start(ctx, "resolveNamed")
	defer span.End()
	rel, err := getRelation(relations, name)
	if err != nil {
		return "", fmt.Errorf("relation %q undefined", name)
	}
	if _, err := check(ctx, rel); err != nil {
		return "", fmt.Errorf("check %q failed", rel) // want `error returned while span "resolveNamed" is live`
	}
	return rel, nil
}
