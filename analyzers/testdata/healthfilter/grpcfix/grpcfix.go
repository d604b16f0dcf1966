// Package grpcfix is fixed in grpcfix.go.golden.
package grpcfix

import (
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health/grpc_health_v1"
)

type health struct {
	grpc_health_v1.UnimplementedHealthServer
}

func traced() *grpc.Server {
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler())) // want `otelgrpc.NewServerHandler traces the gRPC health service`
	grpc_health_v1.RegisterHealthServer(srv, &health{})
	return srv
}

func withOptions() *grpc.Server {
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler(otelgrpc.WithMessageEvents(otelgrpc.ReceivedEvents)))) // want `otelgrpc.NewServerHandler traces the gRPC health service`
	grpc_health_v1.RegisterHealthServer(srv, &health{})
	return srv
}

// Options written over several lines, ending with a comma.
func multiLine() *grpc.Server {
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler( // want `otelgrpc.NewServerHandler traces the gRPC health service`
		otelgrpc.WithMessageEvents(otelgrpc.ReceivedEvents),
	)))
	grpc_health_v1.RegisterHealthServer(srv, &health{})
	return srv
}

// The handler in a helper, the health service registered by the caller.
func serverOpts(traced bool) []grpc.ServerOption {
	opts := []grpc.ServerOption{grpc.MaxRecvMsgSize(1 << 20)}
	if traced {
		opts = append(opts, grpc.StatsHandler(otelgrpc.NewServerHandler())) // want `otelgrpc.NewServerHandler traces the gRPC health service`
	}
	return opts
}

func run() {
	srv := grpc.NewServer(serverOpts(true)...)
	grpc_health_v1.RegisterHealthServer(srv, &health{})
}
