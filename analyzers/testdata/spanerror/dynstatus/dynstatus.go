// Package dynstatus covers SetStatus with a code computed at run time: a
// helper maps an HTTP or gRPC status to codes.Code. The author decides
// the status; the rule does not second-guess it.
package dynstatus

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("dynstatus")

type Response struct{ StatusCode int }

func send(context.Context, *http.Request) (*Response, error) { return nil, errStub }

// spanStatus maps an HTTP status to a span status, as semconv helpers do.
func spanStatus(code int) (codes.Code, string) {
	if code >= 500 {
		return codes.Error, http.StatusText(code)
	}
	return codes.Unset, ""
}

// Silent: the status is set from the response on the failing path.
func call(ctx context.Context, req *http.Request) (*Response, error) {
	ctx, span := tracer.Start(ctx, "call")
	defer span.End()
	resp, err := send(ctx, req)
	if err != nil {
		span.SetStatus(spanStatus(http.StatusBadGateway))
		return nil, err
	}
	return resp, nil
}

// setStatus is a helper whose code is not a constant: it counts as a
// recorder of its span parameter.
func setStatus(span trace.Span, code int) {
	c, msg := spanStatus(code)
	span.SetStatus(c, msg)
}

// Silent: the helper sets the status.
func viaHelper(ctx context.Context, req *http.Request) (*Response, error) {
	ctx, span := tracer.Start(ctx, "viaHelper")
	defer span.End()
	resp, err := send(ctx, req)
	if err != nil {
		setStatus(span, http.StatusBadGateway)
		return nil, err
	}
	return resp, nil
}

// Reported: RecordError with a status that is only set on another path.
func halfway(ctx context.Context, req *http.Request) (*Response, error) {
	ctx, span := tracer.Start(ctx, "halfway")
	defer span.End()
	resp, err := send(ctx, req)
	if err != nil {
		span.RecordError(err)
		return nil, err // want `span "halfway" records the error but its status is not set to codes.Error`
	}
	span.SetStatus(spanStatus(resp.StatusCode))
	return resp, nil
}
