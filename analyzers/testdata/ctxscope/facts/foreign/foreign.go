// Package foreign declares a type over another package's interface. // want package:"analysed\\(tracing\\)"
//
// It is the shape that once made the helper set a fact on grpc's
// stats.Handler methods and crash (temporal's common/telemetry,
// elasticsearch's esapi): the interface's methods belong to grpc, so they
// get no fact here, while the implementation's methods do.
package foreign

import (
	"context"

	"go.opentelemetry.io/otel"
	"google.golang.org/grpc/stats"
)

var tracer = otel.Tracer("foreign")

// Handler is grpc's stats.Handler under a name of this package.
type Handler stats.Handler

// handler implements Handler, and starts spans from the contexts it is given.
type handler struct{}

func (handler) TagRPC(ctx context.Context, _ *stats.RPCTagInfo) context.Context { // want TagRPC:"ctxReachesSpans\\(0\\)"
	ctx, _ = tracer.Start(ctx, "rpc")
	return ctx
}

func (handler) HandleRPC(ctx context.Context, _ stats.RPCStats) { // want HandleRPC:"ctxReachesSpans\\(0\\)"
	_, span := tracer.Start(ctx, "handle")
	span.End()
}

func (handler) TagConn(ctx context.Context, _ *stats.ConnTagInfo) context.Context { return ctx }

func (handler) HandleConn(context.Context, stats.ConnStats) {}

// New returns the handler as the package's type.
func New() Handler { return handler{} }
