// Package grpccross serves the health service on servers whose options,
// or whose health registration, come from another package.
package grpccross

import (
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health/grpc_health_v1"

	"example.com/testdata/healthfilter/grpcdeps"
)

func options() *grpc.Server {
	srv := grpc.NewServer(grpcdeps.ServerOptions()...) // want `grpcdeps.ServerOptions traces the gRPC server with an otelgrpc.NewServerHandler that has no otelgrpc.WithFilter, and the health service is registered on that server`
	grpc_health_v1.RegisterHealthServer(srv, &grpcdeps.Health{})
	return srv
}

func server() *grpc.Server {
	srv := grpcdeps.NewServer(grpc.MaxRecvMsgSize(1 << 20)) // want `grpcdeps.NewServer traces the gRPC server`
	grpc_health_v1.RegisterHealthServer(srv, &grpcdeps.Health{})
	return srv
}

func method(b *grpcdeps.Builder) *grpc.Server {
	opts := b.Options() // want `grpcdeps.Builder.Options traces the gRPC server`
	opts = append(opts, grpc.MaxRecvMsgSize(1<<20))
	srv := grpc.NewServer(opts...)
	grpcdeps.RegisterHealth(srv)
	return srv
}

// A local handler, the health service registered by another package.
func registeredThere() *grpc.Server {
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler())) // want `otelgrpc.NewServerHandler traces the gRPC health service registered on this server`
	grpcdeps.RegisterHealth(srv)
	return srv
}

// Reported in grpcdeps: silent here.
func withHealth() *grpc.Server {
	srv := grpcdeps.NewServerWithHealth()
	grpc_health_v1.RegisterHealthServer(srv, &grpcdeps.Health{})
	return srv
}

// Filtered there: silent.
func filtered() *grpc.Server {
	srv := grpc.NewServer(grpcdeps.Filtered()...)
	grpcdeps.RegisterHealth(srv)
	return srv
}

// Traced there, no health service here: silent.
func noHealth() *grpc.Server {
	return grpcdeps.NewServer()
}

// The health service registered by a constructor of another package on
// the server it builds from the options given.
func constructor() *grpc.Server {
	return grpcdeps.NewHealthServer("api", grpc.StatsHandler(otelgrpc.NewServerHandler())) // want `otelgrpc.NewServerHandler traces the gRPC health service registered on this server`
}

// Options of one package passed to a constructor of it: reported at the
// options' call.
func both() *grpc.Server {
	return grpcdeps.NewHealthServer("api", grpcdeps.ServerOptions()...) // want `grpcdeps.ServerOptions traces the gRPC server`
}
