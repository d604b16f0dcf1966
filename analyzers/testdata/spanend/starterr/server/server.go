// Package server calls start helpers that return an error. When the start
// fails it returns no span, so the error branch has nothing to end: the
// regression is 15 findings of this shape in one code base.
package server

import (
	"context"
	"errors"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"

	"example.com/testdata/spanend/starterr/reqtrace"
)

type Server struct {
	db *reqtrace.DB
}

func (s *Server) render(ctx context.Context, route string) ([]byte, error) { return nil, nil }

// Silent: if err != nil { return } leaves the function before any span
// exists; the span is ended on the other path.
func (s *Server) handle(ctx context.Context, req *http.Request) ([]byte, error) {
	ctx, span, route, err := reqtrace.StartRequestSpan(ctx, req)
	if err != nil {
		return nil, err
	}
	defer span.End()
	return s.render(ctx, route)
}

// Silent: an HTTP handler answers 404 on the error branch, no span there.
func (s *Server) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	ctx, span, route, err := reqtrace.StartRequestSpan(req.Context(), req)
	if err != nil {
		http.NotFound(w, req)
		return
	}
	defer span.End()
	body, err := s.render(ctx, route)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write(body)
}

// Silent: if err == nil { ... } else { ... } ends the span on the branch
// that has one.
func (s *Server) serveElse(w http.ResponseWriter, req *http.Request) {
	ctx, span, route, err := reqtrace.StartRequestSpan(req.Context(), req)
	if err == nil {
		body, _ := s.render(ctx, route)
		w.Write(body)
		span.End()
	} else {
		http.NotFound(w, req)
	}
}

// The error is overwritten before it is tested: the test no longer says
// whether the start failed, and the span leaks when authorize fails.
func (s *Server) overwritten(ctx context.Context, req *http.Request) ([]byte, error) {
	ctx, span, route, err := reqtrace.StartRequestSpan(ctx, req) // want `span started by reqtrace.StartRequestSpan at line 66 is not ended on all paths`
	err = s.authorize(ctx, route)
	if err != nil {
		return nil, err
	}
	defer span.End()
	return s.render(ctx, route)
}

func (s *Server) authorize(context.Context, string) error { return nil }

// StartTx returns a live span with its error: the caller must end it on
// the error branch too.
func (s *Server) transfer(ctx context.Context) error {
	ctx, span, tx, err := reqtrace.StartTx(ctx, s.db, "transfer") // want `span "transfer" is not ended on all paths`
	if err != nil {
		return err
	}
	defer span.End()
	_ = tx
	return nil
}

// Silent: the span StartTx returns with its error is ended.
func (s *Server) transferEnded(ctx context.Context) error {
	ctx, span, tx, err := reqtrace.StartTx(ctx, s.db, "transfer")
	defer span.End()
	if err != nil {
		return err
	}
	_ = tx
	return nil
}

var tracer = otel.Tracer("server")

var errClosed = errors.New("closed")

type conn struct{ closed bool }

// startCall is a same-package start helper that returns no span on error
// (facts of this package).
func (c *conn) startCall(ctx context.Context, method string) (context.Context, trace.Span, error) {
	if c.closed {
		return ctx, nil, errClosed
	}
	ctx, span := tracer.Start(ctx, method, trace.WithSpanKind(trace.SpanKindClient))
	return ctx, span, nil
}

// Silent: the same-package helper returns no span on error.
func (c *conn) invoke(ctx context.Context, method string) error {
	ctx, span, err := c.startCall(ctx, method)
	if err != nil {
		return err
	}
	defer span.End()
	_ = ctx
	return nil
}

// The success path still leaks: the error check prunes only its own branch.
func (c *conn) invokeLeak(ctx context.Context, method string, retry bool) error {
	ctx, span, err := c.startCall(ctx, method) // want `span started by c.startCall at line 129 is not ended on all paths`
	if err != nil {
		return err
	}
	if retry {
		return nil
	}
	span.End()
	return nil
}

// Silent: the error test may come combined with other conditions.
func (c *conn) invokeCombined(ctx context.Context, method string, quiet bool) error {
	ctx, span, err := c.startCall(ctx, method)
	if quiet && err != nil {
		return nil
	}
	if !(err == nil) {
		return err
	}
	defer span.End()
	_ = ctx
	return nil
}
