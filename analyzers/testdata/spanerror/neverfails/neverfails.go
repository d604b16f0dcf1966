// Package neverfails covers calls of functions whose error result is nil
// on every return: their error is never a failure (spicedb's cache
// methods kept for an interface), while a call through an interface, or of
// a function that can fail, is checked.
package neverfails

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"io"
	"os"
	"strings"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("neverfails")

var errDown = errors.New("backend down")

type Cache interface {
	Invalidate(ctx context.Context, key string) error
}

// noopCache satisfies Cache; its methods cannot fail.
type noopCache struct{ hits map[string]int }

func (c *noopCache) Invalidate(_ context.Context, key string) error { // want Invalidate:"expectedError"
	if c.hits == nil {
		return nil
	}
	delete(c.hits, key)
	return nil
}

// warm has a named error result it never assigns.
func (c *noopCache) warm(keys []string) (n int, err error) { // want warm:"expectedError"
	for _, k := range keys {
		c.hits[k] = 0
		n++
	}
	return
}

func fetch(ctx context.Context, key string) (string, error) {
	b, err := os.ReadFile(key)
	if err != nil {
		return "", errDown
	}
	return string(b), nil
}

// Silent: the concrete noopCache's Invalidate returns nil on every path.
func drop(ctx context.Context, c *noopCache, key string) error { // want drop:"expectedError"
	ctx, span := tracer.Start(ctx, "drop")
	defer span.End()
	if err := c.Invalidate(ctx, key); err != nil {
		return err
	}
	_, err := c.warm([]string{key})
	return err
}

// Reported: through the interface, any implementation may fail.
func dropAny(ctx context.Context, c Cache, key string) error {
	ctx, span := tracer.Start(ctx, "dropAny")
	defer span.End()
	return c.Invalidate(ctx, key) // want `error returned while span "dropAny" is live`
}

// Reported: fetch can fail.
func load(ctx context.Context, c *noopCache, key string) (string, error) {
	ctx, span := tracer.Start(ctx, "load")
	defer span.End()
	if err := c.Invalidate(ctx, key); err != nil {
		return "", err
	}
	v, err := fetch(ctx, key)
	if err != nil {
		return "", err // want `error returned while span "load" is live`
	}
	return v, nil
}

// Silent: a strings.Builder's and a bytes.Buffer's writes never fail, nor
// does crypto/rand.Read (its error meant the random source was gone).
func render(ctx context.Context, parts []string) (string, error) { // want render:"expectedError"
	ctx, span := tracer.Start(ctx, "render")
	defer span.End()
	var b strings.Builder
	for _, p := range parts {
		if _, err := b.WriteString(p); err != nil {
			return "", err
		}
	}
	var buf bytes.Buffer
	if err := buf.WriteByte('\n'); err != nil {
		return "", err
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	return b.String() + buf.String(), nil
}

// Reported: any other writer may fail.
func write(ctx context.Context, w io.Writer, s string) error {
	ctx, span := tracer.Start(ctx, "write")
	defer span.End()
	_, err := io.WriteString(w, s)
	return err // want `error returned while span "write" is live`
}

type Result struct{ Partial bool }

// Silent: invert is bound once to a closure that never fails (spicedb's
// caveats runner); a closure that can fail, or one assigned twice, is
// checked.
func evaluate(ctx context.Context, r *Result, path string) (*Result, error) {
	ctx, span := tracer.Start(ctx, "evaluate")
	defer span.End()
	invert := func(r *Result) (*Result, error) {
		if r.Partial {
			return r, nil
		}
		return &Result{Partial: !r.Partial}, nil
	}
	read := func() (*Result, error) {
		if _, err := fetch(ctx, path); err != nil {
			return nil, err
		}
		return r, nil
	}
	if path == "" {
		return invert(r)
	}
	res, err := invert(r)
	if err != nil {
		return nil, err
	}
	if res.Partial {
		return read() // want `error returned while span "evaluate" is live`
	}
	return res, nil
}
