package main

import (
	"net"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/grpc"
)

func main() {
	tp := sdktrace.NewTracerProvider()
	defer tp.Shutdown(nil)
	otel.SetTracerProvider(tp)
	lis, _ := net.Listen("tcp", ":50051")
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
	srv.Serve(lis)
}

// Options not seen, or an interceptor that may trace: not reported.
func fromOptions(opts ...grpc.ServerOption) *grpc.Server { return grpc.NewServer(opts...) }

func withInterceptor(i grpc.UnaryServerInterceptor) *grpc.Server {
	return grpc.NewServer(grpc.ChainUnaryInterceptor(i))
}
