// Package lookups covers a lookup that finds nothing: an error made on
// the branch where v, ok := m[k] (or a sync.Map's Load) found no key is a
// not-found, an answer to the request (jaeger's HotROD customer
// database). The same error after a call that can fail, or where ok is
// something else, is checked.
package lookups

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("lookups")

type Customer struct{ ID, Name string }

type database struct {
	customers map[int]*Customer
	sessions  sync.Map
	load      func(ctx context.Context, id int) (*Customer, error)
}

// Silent: the customer is not in the table.
func (d *database) Get(ctx context.Context, id int) (*Customer, error) {
	ctx, span := tracer.Start(ctx, "SQL SELECT")
	defer span.End()
	if c, ok := d.customers[id]; ok {
		return c, nil
	}
	return nil, errors.New("invalid customer ID")
}

// Silent: no session under that token, in the negated form.
func (d *database) Session(ctx context.Context, token string) (*Customer, error) {
	_, span := tracer.Start(ctx, "session")
	defer span.End()
	v, ok := d.sessions.Load(token)
	if !ok {
		return nil, fmt.Errorf("no session %q", token)
	}
	return v.(*Customer), nil
}

// Reported: the miss is filled from a loader that can fail, and its
// error is what is returned.
func (d *database) GetOrLoad(ctx context.Context, id int) (*Customer, error) {
	ctx, span := tracer.Start(ctx, "getOrLoad")
	defer span.End()
	c, ok := d.customers[id]
	if !ok {
		loaded, err := d.load(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("load customer %d: %w", id, err) // want `error returned while span "getOrLoad" is live`
		}
		c = loaded
	}
	return c, nil
}

// Reported: ok is not a lookup's here (it is also set from a check), so a
// false ok says nothing about a key.
func (d *database) Verify(ctx context.Context, id int, verify func(*Customer) bool) error {
	_, span := tracer.Start(ctx, "verify")
	defer span.End()
	c, ok := d.customers[id]
	if ok {
		ok = verify(c)
	}
	if !ok {
		return errors.New("verification failed") // want `error returned while span "verify" is live`
	}
	return nil
}
