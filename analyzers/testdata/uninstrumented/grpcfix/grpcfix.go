package grpcfix

import (
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
