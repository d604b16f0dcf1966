// Package sentinels covers package-level sentinel errors. The line: a
// sentinel declared with errors.New (or fmt.Errorf, or a composite of an
// error type) whose name says it is an outcome (ErrNotFound,
// ErrUserNotFound, ErrAlreadyExists, ErrUnauthorized, ErrInvalidArgument,
// ErrPermissionDenied...) is expected; other sentinels are failures,
// except right after the code recognised an expected error, where
// returning a sentinel translates it (if errors.Is(err, sql.ErrNoRows) {
// return ErrNoSuchUser }).
package sentinels

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

var tracer = otel.Tracer("sentinels")

var (
	ErrUserNotFound   = errors.New("user not found")           // want ErrUserNotFound:"expectedError"
	ErrAlreadyExists  = fmt.Errorf("user already exists")      // want ErrAlreadyExists:"expectedError"
	ErrUnauthorized   = &authError{"unauthorized"}             // want ErrUnauthorized:"expectedError"
	ErrConnectionLost = errors.New("connection lost")          // not an outcome: a failure
	ErrNoSuchUser     = errors.New("no such user")             // want ErrNoSuchUser:"expectedError"
	ErrQuotaExhausted = errors.New("quota exhausted")          // not named as an outcome
	ErrNotFoundStatus = status.Error(codes.Internal, "broken") // want ErrNotFoundStatus:"failingSentinel"

	// openfga: client input, with a code of the application's own.
	ErrInvalidWriteInput = status.Error(codes.Code(2003), "invalid write input") // want ErrInvalidWriteInput:"expectedError"
	ErrInvalidPageToken  = errors.New("invalid page token")                      // want ErrInvalidPageToken:"expectedError"
	ErrInvalidStoreState = errors.New("invalid store state")                     // a failure: the store is broken

	// The end of a stream, as io.EOF (openfga's storage.ErrIteratorDone);
	// a transaction used after its commit is a bug.
	ErrIteratorDone = errors.New("iterator done") // want ErrIteratorDone:"expectedError"
	ErrTxDone       = errors.New("tx done")

	// openfga's graph: a check nested deeper than the server allows
	// answers 400 (gRPC's ResourceExhausted, not a server failure); a
	// timeout fails the server span, and invalid alone says nothing.
	ErrResolutionDepthExceeded = errors.New("resolution depth exceeded") // want ErrResolutionDepthExceeded:"expectedError"
	ErrDeadlineExceeded        = errors.New("deadline exceeded")
	ErrInvalidObject           = errors.New("invalid object")

	// openfga's storage: names that say nothing, messages that say the
	// request collided with what is stored (a 409).
	ErrCollision                = errors.New("item already exists")                         // want ErrCollision:"expectedError"
	ErrTransactionalWriteFailed = errors.New("transactional write failed due to conflict")  // want ErrTransactionalWriteFailed:"expectedError"
	ErrConflictingVersions      = fmt.Errorf("conflicting versions: %w", ErrConnectionLost) // wraps a failure
)

type authError struct{ msg string }

func (e *authError) Error() string { return e.msg }

type DB interface {
	QueryRow(ctx context.Context, q string, args ...any) (string, error)
}

// Silent: the outcome sentinels, and ErrQuotaExhausted returned right
// after a not-found row was recognised.
func getUser(ctx context.Context, db DB, id string, token string) (string, error) {
	ctx, span := tracer.Start(ctx, "getUser")
	defer span.End()
	if token == "" {
		return "", ErrUnauthorized
	}
	name, err := db.QueryRow(ctx, "SELECT name FROM users WHERE id = $1", id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrUserNotFound
	}
	if err != nil {
		return "", fmt.Errorf("get user %s: %w", id, err) // want `error returned while span "getUser" is live`
	}
	if name == "" {
		return "", fmt.Errorf("user %s: %w", id, ErrUserNotFound)
	}
	return name, nil
}

// The translation covers only the return right after the test: a new
// call that can fail comes in between.
func createUser(ctx context.Context, db DB, id string) error {
	ctx, span := tracer.Start(ctx, "createUser")
	defer span.End()
	_, err := db.QueryRow(ctx, "SELECT 1 FROM users WHERE id = $1", id)
	if err == nil {
		return ErrAlreadyExists
	}
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := db.QueryRow(ctx, "INSERT INTO users VALUES ($1)", id); err != nil {
			return ErrQuotaExhausted // want `error returned while span "createUser" is live`
		}
		return nil
	}
	if errors.Is(err, context.Canceled) {
		return ErrNoSuchUser // silent: named as an outcome
	}
	return ErrConnectionLost // want `error returned while span "createUser" is live`
}

// Silent: the request was refused for what it asked.
func writeTuples(ctx context.Context, db DB, page string, tuples []string) error {
	ctx, span := tracer.Start(ctx, "writeTuples")
	defer span.End()
	if len(tuples) == 0 {
		return ErrInvalidWriteInput
	}
	if page == "-" {
		return ErrInvalidPageToken
	}
	if _, err := db.QueryRow(ctx, "SELECT state FROM stores"); err != nil {
		return ErrInvalidStoreState // want `error returned while span "writeTuples" is live`
	}
	return nil
}

// Reported: ErrQuotaExhausted and ErrNotFoundStatus are failures here.
func deleteUser(ctx context.Context, db DB, id string) error {
	ctx, span := tracer.Start(ctx, "deleteUser")
	defer span.End()
	if id == "" {
		return ErrNotFoundStatus // want `error returned while span "deleteUser" is live`
	}
	if _, err := db.QueryRow(ctx, "DELETE FROM users WHERE id = $1", id); err != nil {
		return ErrQuotaExhausted // want `error returned while span "deleteUser" is live`
	}
	return nil
}

type iterator struct{ items []string }

func (it *iterator) Next(ctx context.Context) (string, error) { // want Next:"expectedError"
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if len(it.items) == 0 {
		return "", ErrIteratorDone
	}
	item := it.items[0]
	it.items = it.items[1:]
	return item, nil
}

// Silent: the iterator ends or the request is over; a used transaction
// is a bug, reported.
func drain(ctx context.Context, it *iterator, committed bool) ([]string, error) {
	ctx, span := tracer.Start(ctx, "drain")
	defer span.End()
	if committed {
		return nil, ErrTxDone // want `error returned while span "drain" is live`
	}
	var out []string
	for {
		item, err := it.Next(ctx)
		if err != nil {
			return out, err
		}
		out = append(out, item)
	}
}

type model struct {
	depth  int
	object string
}

type Backend interface {
	Resolve(ctx context.Context, m *model) ([]byte, error)
}

// Silent: the client's check nests too deep, or its write collides.
// Reported: the backend took too long, the graph lacks the object, or the
// store's versions disagree.
func check(ctx context.Context, b Backend, m *model, exists bool) error {
	ctx, span := tracer.Start(ctx, "check")
	defer span.End()
	if exists {
		return ErrCollision
	}
	if m.object == "-" {
		return ErrTransactionalWriteFailed
	}
	if m.object == "" {
		return ErrInvalidObject // want `error returned while span "check" is live`
	}
	if m.object == "v" {
		return ErrConflictingVersions // want `error returned while span "check" is live`
	}
	if m.depth > 25 {
		return ErrResolutionDepthExceeded
	}
	reply, err := b.Resolve(ctx, m)
	if err != nil {
		if ctx.Err() != nil {
			return ErrDeadlineExceeded // want `error returned while span "check" is live`
		}
		return err // want `error returned while span "check" is live`
	}
	if len(reply) == 0 {
		return errors.New("empty reply") // want `error returned while span "check" is live`
	}
	return nil
}

func dial(context.Context) error { return ErrConnectionLost }

// Silent: %w of an outcome sentinel classifies whatever else it wraps:
// callers test errors.Is(err, ErrUserNotFound) (cerbos's
// fmt.Errorf("%w: %w", ErrFailedToExtractJWT, err)).
func classified(ctx context.Context) error { // want classified:"expectedError"
	ctx, span := tracer.Start(ctx, "classified")
	defer span.End()
	if err := dial(ctx); err != nil {
		return fmt.Errorf("%w: %w", ErrUserNotFound, err)
	}
	return nil
}

// Reported: under %v the sentinel is only text, and a failure sentinel
// classifies nothing.
func unclassified(ctx context.Context, verbose bool) error {
	ctx, span := tracer.Start(ctx, "unclassified")
	defer span.End()
	err := dial(ctx)
	if err == nil {
		return nil
	}
	if verbose {
		return fmt.Errorf("%v: %w", ErrUserNotFound, err) // want `error returned while span "unclassified" is live`
	}
	return fmt.Errorf("%w: %w", ErrTxDone, err) // want `error returned while span "unclassified" is live`
}
