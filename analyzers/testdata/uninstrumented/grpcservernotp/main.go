// A program that installs no tracer provider: its server has no trace to
// start.
package main

import (
	"net"

	"go.opentelemetry.io/otel"
	"google.golang.org/grpc"
)

var tracer = otel.Tracer("grpcservernotp")

func main() {
	lis, _ := net.Listen("tcp", ":50051")
	grpc.NewServer().Serve(lis)
}
