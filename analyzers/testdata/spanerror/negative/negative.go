// Package negative holds idioms that must stay silent.
package negative

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("negative")

func fetch(context.Context, string) error { return errStub }

// Silent: both calls before the return.
func recorded(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "load")
	defer span.End()
	if err := fetch(ctx, id); err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	return nil
}

// Silent: err is nil on the path that returns it.
func nilOnPath(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "nil")
	defer span.End()
	err := fetch(ctx, id)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	return err
}

// Silent: the span was ended before the error is returned.
func afterEnd(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "ended")
	err := fetch(ctx, id)
	span.End()
	return err
}

// Silent: a borrowed span is the caller's business.
func borrowed(ctx context.Context, id string) error {
	trace.SpanFromContext(ctx).AddEvent("fetching")
	return fetch(ctx, id)
}

// Silent: no span owned at all.
func noSpan(ctx context.Context, id string) error {
	return fetch(ctx, id)
}

func read(r io.Reader) error { _, err := r.Read(nil); return err }

// Silent: io.EOF is the end of input, not a failure.
func eof(ctx context.Context, r io.Reader) error {
	_, span := tracer.Start(ctx, "read")
	defer span.End()
	err := read(r)
	if err == io.EOF {
		return err
	}
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	return err
}

// Silent: sql.ErrNoRows and context.Canceled checked with errors.Is.
func noRows(ctx context.Context, db *sql.DB) error {
	ctx, span := tracer.Start(ctx, "query")
	defer span.End()
	err := db.QueryRowContext(ctx, "SELECT 1").Scan()
	if errors.Is(err, sql.ErrNoRows) || errors.Is(err, context.Canceled) {
		return err
	}
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	return nil
}

// Silent: returning the sentinel itself.
func sentinel(ctx context.Context) error { // want sentinel:"expectedError"
	_, span := tracer.Start(ctx, "serve")
	defer span.End()
	return http.ErrServerClosed
}

// Silent: a handler answers with a status and returns nothing; otelhttp
// marks 5xx server spans failed itself.
func handler(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "handle")
	defer span.End()
	if err := fetch(ctx, "x"); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// Silent: a deferred closure records the named error on every path.
func deferredRecord(ctx context.Context, id string) (err error) {
	ctx, span := tracer.Start(ctx, "deferred")
	defer func() {
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}()
	if err := fetch(ctx, id); err != nil {
		return err
	}
	return fetch(ctx, id+"2")
}

func fail(span trace.Span, err error) error { // want fail:"preservesExpected\\(1\\)"
	span.RecordError(err)
	span.SetStatus(codes.Error, err.Error())
	return err
}

// Silent: a local helper does both (a fact, no configuration).
func localHelper(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "helper")
	defer span.End()
	if err := fetch(ctx, id); err != nil {
		fail(span, err)
		return err
	}
	return nil
}

// Silent: return fail(span, err).
func returnHelper(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "return")
	defer span.End()
	if err := fetch(ctx, id); err != nil {
		return fail(span, err)
	}
	return nil
}

// Silent: the cases of a switch on the error tell io.EOF and nil apart.
func switched(ctx context.Context, r io.Reader) error {
	_, span := tracer.Start(ctx, "switched")
	defer span.End()
	switch err := read(r); err {
	case nil:
		return nil
	case io.EOF:
		return err
	default:
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return err
	}
}
