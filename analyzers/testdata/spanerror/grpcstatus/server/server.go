// Package server is a gRPC service whose handlers answer with status
// errors, the openfga and spicedb shape: client-class codes
// (InvalidArgument, NotFound, PermissionDenied...) are the answer to the
// request, not a failure of the span; server-class codes are failures.
package server

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/testdata/spanerror/grpcstatus/authz"
	"example.com/testdata/spanerror/grpcstatus/storage"
)

var tracer = otel.Tracer("server")

// ErrModelNotFound is what the resolver answers with.
var ErrModelNotFound = status.Error(codes.NotFound, "authorization model not found") // want ErrModelNotFound:"expectedError"

type Request struct{ Store, Model string }

func (r *Request) Validate() error { return errStub }

type Server struct {
	authorizer authz.Authorizer
	store      storage.Store
	maxPage    int
}

// checkAuthz calls the helper of the other package: the fact carries.
func (s *Server) checkAuthz(ctx context.Context, store string) error { // want checkAuthz:"expectedError"
	return authz.Check(ctx, s.authorizer, store, "read")
}

// Silent: every error returned is an InvalidArgument or PermissionDenied
// status (directly, or through checkAuthz's fact).
func (s *Server) ReadChanges(ctx context.Context, req *Request, pageSize int) ([]string, error) { // want ReadChanges:"expectedError"
	ctx, span := tracer.Start(ctx, "ReadChanges")
	defer span.End()

	if err := req.Validate(); err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	if pageSize < 1 || pageSize > s.maxPage {
		return nil, status.Errorf(codes.InvalidArgument, "invalid page size: value must be inside range [1, %d]", s.maxPage)
	}
	err := s.checkAuthz(ctx, req.Store)
	if err != nil {
		return nil, err
	}
	if err := s.checkAuthz(ctx, req.Model); err != nil {
		return nil, err
	}
	return nil, nil
}

// Silent: return of a call whose errors are all expected.
func (s *Server) Authorize(ctx context.Context, req *Request) error { // want Authorize:"expectedError"
	ctx, span := tracer.Start(ctx, "Authorize")
	defer span.End()
	return authz.Check(ctx, s.authorizer, req.Store, "authorize")
}

// The resolver shape (openfga modelgraph): not found is translated to a
// NotFound status, other errors are failures.
func (s *Server) Resolve(ctx context.Context, req *Request) (string, error) {
	ctx, span := tracer.Start(ctx, "Resolve")
	defer span.End()
	m, err := s.store.ReadModel(ctx, req.Store, req.Model)
	if err != nil {
		if errors.Is(err, storage.ErrNotFound) {
			return "", ErrModelNotFound // silent: a NotFound status
		}
		return "", fmt.Errorf("failed to ReadAuthorizationModel: %w", err) // want `error returned while span "Resolve" is live`
	}
	return m, nil
}

// Server-class codes stay failures; a code computed at run time is not
// known to be expected.
func (s *Server) Write(ctx context.Context, req *Request, code codes.Code) error {
	ctx, span := tracer.Start(ctx, "Write")
	defer span.End()
	if err := s.store.Write(ctx, req.Store); err != nil {
		if errors.Is(err, storage.ErrCollision) {
			return status.Error(codes.Aborted, "write collision, retry") // silent: Aborted answers the request
		}
		return status.Error(codes.Internal, err.Error()) // want `error returned while span "Write" is live`
	}
	if code != codes.OK {
		return status.Error(code, "mapped") // want `error returned while span "Write" is live`
	}
	return status.New(codes.Unavailable, "draining").Err() // want `error returned while span "Write" is live`
}

// Silent: status.New(NotFound).Err(), FromContextError, and an error
// tested with status.Code against a client-class code.
func (s *Server) Get(ctx context.Context, req *Request) (string, error) {
	ctx, span := tracer.Start(ctx, "Get")
	defer span.End()
	if req.Model == "" {
		return "", status.New(codes.NotFound, "no model").Err()
	}
	if ctx.Err() != nil {
		return "", status.FromContextError(ctx.Err()).Err()
	}
	m, err := s.store.ReadModel(ctx, req.Store, req.Model)
	if status.Code(err) == codes.NotFound || status.Code(err) == codes.PermissionDenied {
		return "", err
	}
	if err != nil {
		return "", err // want `error returned while span "Get" is live`
	}
	return m, nil
}

// Silent: an error variable assigned from an expected source stays
// expected along the path.
func (s *Server) Delete(ctx context.Context, req *Request) (string, error) {
	ctx, span := tracer.Start(ctx, "Delete")
	defer span.End()
	var err error
	if req.Model == "" {
		err = status.Error(codes.NotFound, "no model")
		return "", err
	}
	if _, err = s.store.ReadModel(ctx, req.Store, req.Model); errors.Is(err, sql.ErrNoRows) {
		err = fmt.Errorf("model %s: %w", req.Model, storage.ErrNotFound)
		return "", err
	}
	return "", err // want `error returned while span "Delete" is live`
}

// Reported: Throttle's code is unknown.
func (s *Server) Throttle(ctx context.Context) error {
	ctx, span := tracer.Start(ctx, "Throttle")
	defer span.End()
	return authz.Throttle(ctx) // want `error returned while span "Throttle" is live`
}

// Reported: Lookup may return the Authorize error itself.
func (s *Server) Lookup(ctx context.Context, req *Request) error {
	ctx, span := tracer.Start(ctx, "Lookup")
	defer span.End()
	return authz.Lookup(ctx, s.authorizer, req.Store) // want `error returned while span "Lookup" is live`
}
