// Package chans covers errors gathered from workers through a local
// channel (openfga's moduleAuthorize): what comes out of the channel is
// expected when every send is, and a failure when one send may be.
package chans

import (
	"context"
	"errors"
	"sync"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("chans")

var errBackend = errors.New("backend down")

type authorizationError struct{ Cause string } // want authorizationError:"expectedError"

func (e *authorizationError) Error() string { return e.Cause }

func allowed(ctx context.Context, module string) (bool, error) {
	if module == "" {
		return false, errBackend
	}
	return module != "deny", ctx.Err()
}

func authorizeOne(ctx context.Context, module string) error { // want authorizeOne:"expectedError"
	if module == "deny" {
		return &authorizationError{Cause: "module " + module + " denied"}
	}
	return nil
}

// moduleAuthorize only ever answers with an authorizationError: silent,
// and so are its callers.
func moduleAuthorize(ctx context.Context, modules []string) error { // want moduleAuthorize:"expectedError"
	ctx, span := tracer.Start(ctx, "moduleAuthorize")
	defer span.End()
	var wg sync.WaitGroup
	errc := make(chan error, len(modules))
	for _, m := range modules {
		wg.Add(1)
		go func(m string) {
			defer wg.Done()
			if err := authorizeOne(ctx, m); err != nil {
				errc <- err
			}
		}(m)
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		if err != nil {
			return err
		}
	}
	return nil
}

func authorize(ctx context.Context, modules []string) error { // want authorize:"expectedError"
	ctx, span := tracer.Start(ctx, "authorize")
	defer span.End()
	return moduleAuthorize(ctx, modules)
}

// Reported: a worker may send a backend failure.
func checkAll(ctx context.Context, modules []string) error {
	ctx, span := tracer.Start(ctx, "checkAll")
	defer span.End()
	errc := make(chan error, len(modules))
	for _, m := range modules {
		go func(m string) {
			if _, err := allowed(ctx, m); err != nil {
				errc <- err
				return
			}
			errc <- authorizeOne(ctx, m)
		}(m)
	}
	for range modules {
		if err := <-errc; err != nil {
			return err // want `error returned while span "checkAll" is live`
		}
	}
	return nil
}

func collect(errc chan<- error, err error) { errc <- err }

// Reported: the channel is handed to a function that may send anything.
func handedOn(ctx context.Context, modules []string) error {
	ctx, span := tracer.Start(ctx, "handedOn")
	defer span.End()
	errc := make(chan error, 1)
	go collect(errc, authorizeOne(ctx, modules[0]))
	return <-errc // want `error returned while span "handedOn" is live`
}
