// Package grpc holds gRPC servers traced by otelgrpc that serve the health
// service, with and without a filter.
package grpc

import (
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc/filters"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health/grpc_health_v1"
)

type health struct {
	grpc_health_v1.UnimplementedHealthServer
}

func traced() *grpc.Server {
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler())) // want `otelgrpc.NewServerHandler traces the gRPC health service registered on this server: it has no otelgrpc.WithFilter`
	grpc_health_v1.RegisterHealthServer(srv, &health{})
	return srv
}

// Filtered: not a finding.
func filtered() *grpc.Server {
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler(otelgrpc.WithFilter(filters.Not(filters.HealthCheck())))))
	grpc_health_v1.RegisterHealthServer(srv, &health{})
	return srv
}

// Options built elsewhere may filter: not seen, silent.
func fromOptions(opts []otelgrpc.Option) *grpc.Server {
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler(opts...)))
	grpc_health_v1.RegisterHealthServer(srv, &health{})
	return srv
}

// The health service is on another, untraced server: silent.
func separate() (*grpc.Server, *grpc.Server) {
	api := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
	probes := grpc.NewServer()
	grpc_health_v1.RegisterHealthServer(probes, &health{})
	return api, probes
}

// No health service: silent.
func noHealth() *grpc.Server {
	return grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
}
