// Package grpcdeps builds gRPC servers and options for other packages;
// its exported functions carry facts that grpccross reads.
package grpcdeps

import (
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc/filters"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health/grpc_health_v1"
)

// Health is a health service.
type Health struct {
	grpc_health_v1.UnimplementedHealthServer
}

// ServerOptions returns options with an unfiltered otelgrpc handler.
func ServerOptions() []grpc.ServerOption { // want ServerOptions:`grpc\(traced\)`
	return []grpc.ServerOption{grpc.StatsHandler(otelgrpc.NewServerHandler())}
}

// NewServer returns a server traced without a filter.
func NewServer(extra ...grpc.ServerOption) *grpc.Server { // want NewServer:`grpc\(traced passes\[0\]\)`
	return grpc.NewServer(append(ServerOptions(), extra...)...)
}

// Filtered returns options whose handler filters the health checks: no fact.
func Filtered() []grpc.ServerOption {
	return []grpc.ServerOption{grpc.StatsHandler(otelgrpc.NewServerHandler(otelgrpc.WithFilter(filters.Not(filters.HealthCheck()))))}
}

// RegisterHealth registers the health service on its parameter.
func RegisterHealth(srv *grpc.Server) { // want RegisterHealth:`grpc\(health\[0\]\)`
	grpc_health_v1.RegisterHealthServer(srv, &Health{})
}

// NewServerWithHealth is reported here; its callers learn nothing more.
func NewServerWithHealth() *grpc.Server {
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler())) // want `otelgrpc.NewServerHandler traces the gRPC health service`
	RegisterHealth(srv)
	return srv
}

// Builder builds options in a method.
type Builder struct{ Traced bool }

// Options returns the options, traced when b.Traced.
func (b *Builder) Options() []grpc.ServerOption { // want Options:`grpc\(traced\)`
	var opts []grpc.ServerOption
	if b.Traced {
		opts = append(opts, grpc.StatsHandler(otelgrpc.NewServerHandler()))
	}
	return opts
}

// NewHealthServer builds a server from its options and registers the
// health service on it.
func NewHealthServer(name string, opts ...grpc.ServerOption) *grpc.Server { // want NewHealthServer:`grpc\(healthfrom\[1\]\)`
	srv := grpc.NewServer(opts...)
	RegisterHealth(srv)
	return srv
}
