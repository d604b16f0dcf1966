package main

import (
	"net"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/grpc"
)

func main() {
	tp := sdktrace.NewTracerProvider()
	defer tp.Shutdown(nil)
	otel.SetTracerProvider(tp)
	lis, _ := net.Listen("tcp", ":50051")
	srv := grpc.NewServer(grpc.MaxRecvMsgSize(1 << 20)) // want `grpc\.NewServer has no otelgrpc stats handler while the program installs a tracer provider: the service starts no server spans and drops its callers' trace context \(add grpc\.StatsHandler\(otelgrpc\.NewServerHandler\(\)\)\)`
	srv.Serve(lis)
}

func other() *grpc.Server {
	return grpc.NewServer() // want `grpc\.NewServer has no otelgrpc stats handler`
}
