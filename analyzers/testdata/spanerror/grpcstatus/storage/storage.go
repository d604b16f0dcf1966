// Package storage declares the sentinels of a datastore, as openfga's
// pkg/storage does. It imports no OTel package: its facts are computed
// all the same.
package storage

import (
	"context"
	"errors"
)

// ErrNotFound is named as an outcome and declared with errors.New.
var ErrNotFound = errors.New("not found") // want ErrNotFound:"expectedError"

// ErrCollision is declared with errors.New but not named as an outcome:
// a failure.
var ErrCollision = errors.New("write collision")

// Store is a datastore.
type Store interface {
	ReadModel(ctx context.Context, store, id string) (string, error)
	Write(ctx context.Context, store string) error
}
