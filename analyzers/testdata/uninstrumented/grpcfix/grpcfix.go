package grpcfix

import (
	"context"
	"go.opentelemetry.io/otel"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

var tracer = otel.Tracer("grpcfix")

func plain(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `grpc\.NewClient builds a connection`
}

func multiLine(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient( // want `grpc\.NewClient builds a connection`
		addr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
	)
}

// traced makes the package one that traces: its outbound calls continue
// a trace.
func traced(ctx context.Context) {
	_, span := tracer.Start(ctx, "traced")
	defer span.End()
}
