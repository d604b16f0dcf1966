package reach

import (
	"context"

	"google.golang.org/grpc"
)

// Silent: the span measures the wrapped interceptor's own work and ends in
// the shim handler it is given, so the handler's spans are rightly not its
// children (spicedb's interceptorwrapper).
func wrapUnaryServerInterceptorWithSpans(inner grpc.UnaryServerInterceptor, spanName string) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		_, span := tracer.Start(ctx, spanName)
		shimHandler := func(ctx context.Context, req any) (any, error) {
			span.End()
			return handler(ctx, req)
		}
		resp, err := inner(ctx, req, info, shimHandler)
		if span.IsRecording() {
			span.End()
		}
		return resp, err
	}
}

// Still reported: the wrapped interceptor runs inside the span, whose end
// it is not given (the span is named by where it starts).
func wrapWithoutShim(inner grpc.UnaryServerInterceptor, spanName string) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		_, span := tracer.Start(ctx, spanName) // want `the context returned by Start for span started by tracer.Start at line 31 is dropped`
		defer span.End()
		return inner(ctx, req, info, handler)
	}
}
