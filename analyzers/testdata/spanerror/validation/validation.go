// Package validation covers functions that can only fail by judging their
// arguments (jaeger's validateQuery, spicedb's dispatch.CheckDepth): they
// read nothing but their parameters, make no call that can fail, and
// return an error of their own making under a condition. Given the
// caller's own inputs, their errors answer the request; given data read
// from a store, or constants, they check integrity or an invariant, a
// failure. State, I/O or an unconditional error make a failure too.
package validation

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("validation")

var (
	ErrServiceNameNotSet       = errors.New("service name must be set")
	ErrStartTimeMinGreaterThan = errors.New("start time minimum is above maximum")
	errClosed                  = errors.New("store closed")
)

type Query struct {
	ServiceName      string
	StartMin, EndMax time.Time
	Limit            int
}

func validateQuery(q *Query) error { // want validateQuery:"validatesInput"
	if q == nil || q.ServiceName == "" {
		return ErrServiceNameNotSet
	}
	if !q.StartMin.IsZero() && q.StartMin.After(q.EndMax) {
		return ErrStartTimeMinGreaterThan
	}
	if q.Limit < 0 {
		return fmt.Errorf("limit %d is negative", q.Limit)
	}
	return nil
}

type Metadata struct{ DepthRemaining uint32 }

type Request interface{ GetMetadata() *Metadata }

func checkDepth(req Request) error { // want checkDepth:"validatesInput"
	md := req.GetMetadata()
	if md == nil {
		return errors.New("request missing metadata")
	}
	if md.DepthRemaining == 0 {
		return fmt.Errorf("max depth exceeded")
	}
	return nil
}

type store struct{ closed bool }

// Reads the receiver: the store's state, not the caller's input.
func (s *store) check(id string) error {
	if s.closed {
		return errClosed
	}
	return nil
}

var draining bool

// Reads package state.
func admit() error {
	if draining {
		return errors.New("draining")
	}
	return nil
}

// Makes a call that can fail.
func parseLimit(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, errors.New("negative limit")
	}
	return n, nil
}

// Fails whatever it is given.
func notImplemented(string) error {
	return errors.New("not implemented")
}

func find(ctx context.Context, s *store, q *Query, req Request, limit string) (int, error) {
	ctx, span := tracer.Start(ctx, "find")
	defer span.End()
	if err := validateQuery(q); err != nil {
		return 0, err // silent: the query was refused
	}
	if err := checkDepth(req); err != nil {
		return 0, err // silent
	}
	if err := s.check(q.ServiceName); err != nil {
		return 0, err // want `error returned while span "find" is live`
	}
	if err := admit(); err != nil {
		return 0, err // want `error returned while span "find" is live`
	}
	if err := notImplemented(q.ServiceName); err != nil {
		return 0, err // want `error returned while span "find" is live`
	}
	return parseLimit(limit) // want `error returned while span "find" is live`
}

func loadQuery(ctx context.Context, id string) (*Query, error) {
	n, err := strconv.Atoi(id)
	if err != nil {
		return nil, err
	}
	return &Query{ServiceName: id, Limit: n}, nil
}

// Reported: the query was read from the store, so a bad one is corrupt
// data, not a refused request; a constant argument is an invariant.
func stored(ctx context.Context, id string, req Request) error {
	ctx, span := tracer.Start(ctx, "stored")
	defer span.End()
	q, err := loadQuery(ctx, id)
	if err != nil {
		return err // want `error returned while span "stored" is live`
	}
	if err := validateQuery(q); err != nil {
		return err // want `error returned while span "stored" is live`
	}
	if err := validateQuery(&Query{ServiceName: "fixed"}); err != nil {
		return err // want `error returned while span "stored" is live`
	}
	return checkDepth(req) // silent: the caller's own request
}
