package grpcdial

import (
	"context"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/otel"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

var tracer = otel.Tracer("grpcdial")

func plain(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `grpc\.NewClient builds a connection without otelgrpc's stats handler: its calls carry no trace context \(the server starts a new trace; add grpc\.WithStatsHandler\(otelgrpc\.NewClientHandler\(\)\)\)`
}

func dialContext(ctx context.Context, addr string) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, addr, grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithBlock()) // want `grpc\.DialContext builds a connection without otelgrpc's stats handler`
}

func slice(addr string, secure bool) (*grpc.ClientConn, error) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	if !secure {
		opts = append(opts, grpc.WithBlock())
	}
	return grpc.Dial(addr, opts...) // want `grpc\.Dial builds a connection`
}

// Negative: instrumented, directly or through a slice.
func instrumented(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler()),
	)
}

func instrumentedSlice(addr string) (*grpc.ClientConn, error) {
	var opts []grpc.DialOption
	opts = append(opts, grpc.WithTransportCredentials(insecure.NewCredentials()))
	opts = append(opts, grpc.WithStatsHandler(otelgrpc.NewClientHandler(otelgrpc.WithTracerProvider(otel.GetTracerProvider()))))
	return grpc.NewClient(addr, opts...)
}

// Negative: options not seen (a parameter, a helper), a custom stats
// handler or an interceptor that may trace.
func fromParam(addr string, opts ...grpc.DialOption) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, opts...)
}

func helper(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, defaultOptions()...)
}

func defaultOptions() []grpc.DialOption {
	return []grpc.DialOption{grpc.WithStatsHandler(otelgrpc.NewClientHandler())}
}

func interceptor(addr string, ui grpc.UnaryClientInterceptor) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithChainUnaryInterceptor(ui))
}

func optVar(addr string, o grpc.DialOption) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, o)
}

func sliceEscapes(addr string) (*grpc.ClientConn, error) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	addTracing(&opts)
	return grpc.NewClient(addr, opts...)
}

func addTracing(opts *[]grpc.DialOption) {
	*opts = append(*opts, grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
}
