// Package grpcfuncs holds gRPC servers traced by otelgrpc whose options,
// server and health registration are spread over several functions of the
// package, with and without a filter.
package grpcfuncs

import (
	"context"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc/filters"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health/grpc_health_v1"
)

type config struct {
	traced  bool
	maxRecv int
	timeout time.Duration
}

type serverContext struct{}

type healthServer struct {
	grpc_health_v1.UnimplementedHealthServer
}

// openfga's shape: a method builds the options, appending the stats
// handler when tracing is on; Run builds the server and registers health.
func (s *serverContext) buildServerOpts(ctx context.Context, cfg config) ([]grpc.ServerOption, int, error) {
	serverOpts := []grpc.ServerOption{
		grpc.MaxRecvMsgSize(cfg.maxRecv),
	}
	if cfg.timeout > 0 {
		serverOpts = append(serverOpts, grpc.ConnectionTimeout(cfg.timeout))
	}
	if cfg.traced {
		serverOpts = append(serverOpts, grpc.StatsHandler(otelgrpc.NewServerHandler())) // want `otelgrpc.NewServerHandler traces the gRPC health service registered on this server: it has no otelgrpc.WithFilter`
	}
	return serverOpts, 0, nil
}

func (s *serverContext) run(ctx context.Context, cfg config) error {
	serverOpts, _, err := s.buildServerOpts(ctx, cfg)
	if err != nil {
		return err
	}
	grpcServer := grpc.NewServer(serverOpts...)
	grpc_health_v1.RegisterHealthServer(grpcServer, &healthServer{})
	return nil
}

type server struct {
	health *healthServer
}

// cerbos's shape: one method returns the server built from an options
// literal, another registers the health service on it.
func (s *server) mkGRPCServer() (*grpc.Server, error) {
	opts := []grpc.ServerOption{
		grpc.ChainUnaryInterceptor(),
		grpc.StatsHandler(otelgrpc.NewServerHandler()), // want `otelgrpc.NewServerHandler traces the gRPC health service`
		grpc.MaxConcurrentStreams(100),
	}
	return grpc.NewServer(opts...), nil
}

func (s *server) startGRPCServer() (*grpc.Server, error) {
	server, err := s.mkGRPCServer()
	if err != nil {
		return nil, err
	}
	grpc_health_v1.RegisterHealthServer(server, s.health)
	return server, nil
}

// A helper returns one option; another registers health on its parameter.
func tracing() grpc.ServerOption {
	h := otelgrpc.NewServerHandler(otelgrpc.WithMessageEvents(otelgrpc.ReceivedEvents)) // want `otelgrpc.NewServerHandler traces the gRPC health service`
	return grpc.StatsHandler(h)
}

func registerHealth(srv *grpc.Server) {
	grpc_health_v1.RegisterHealthServer(srv, &healthServer{})
}

func helpers() *grpc.Server {
	srv := grpc.NewServer(tracing(), grpc.MaxRecvMsgSize(1<<20))
	registerHealth(srv)
	return srv
}

// Named results and a bare return.
func named() (opts []grpc.ServerOption) {
	opts = append(opts, grpc.StatsHandler(otelgrpc.NewServerHandler())) // want `otelgrpc.NewServerHandler traces the gRPC health service`
	return
}

func fromNamed() {
	srv := grpc.NewServer(named()...)
	registerHealth(srv)
}

// The server is built and returned by one helper, the health service
// registered by another, in a third function.
func newTraced() *grpc.Server {
	return grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler())) // want `otelgrpc.NewServerHandler traces the gRPC health service`
}

func wire() {
	srv := newTraced()
	registerHealth(srv)
}

// Options from a parameter (a handler that may filter): silent.
func withHandlerOptions(hopts ...otelgrpc.Option) []grpc.ServerOption {
	return []grpc.ServerOption{grpc.StatsHandler(otelgrpc.NewServerHandler(hopts...))}
}

func fromParameter() {
	srv := grpc.NewServer(withHandlerOptions()...)
	registerHealth(srv)
}

// The filter is in an options slice: silent.
func filteredSlice() []grpc.ServerOption {
	hopts := []otelgrpc.Option{otelgrpc.WithMessageEvents(otelgrpc.SentEvents)}
	hopts = append(hopts, otelgrpc.WithFilter(filters.Not(filters.HealthCheck())))
	return []grpc.ServerOption{grpc.StatsHandler(otelgrpc.NewServerHandler(hopts...))}
}

func fromFilteredSlice() {
	srv := grpc.NewServer(filteredSlice()...)
	registerHealth(srv)
}

// An options slice without a filter is seen through.
func unfilteredSlice() []grpc.ServerOption {
	hopts := []otelgrpc.Option{otelgrpc.WithMessageEvents(otelgrpc.SentEvents)}
	return []grpc.ServerOption{grpc.StatsHandler(otelgrpc.NewServerHandler(hopts...))} // want `otelgrpc.NewServerHandler traces the gRPC health service`
}

func fromUnfilteredSlice() {
	srv := grpc.NewServer(unfilteredSlice()...)
	registerHealth(srv)
}

// The health service is on a separate, untraced server: silent.
func separate() (*grpc.Server, *grpc.Server) {
	api := newTracedAPI()
	probes := grpc.NewServer(grpc.MaxRecvMsgSize(1 << 10))
	registerHealth(probes)
	return api, probes
}

func newTracedAPI() *grpc.Server {
	return grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
}

// A traced server with no health service: silent.
func noHealth() *grpc.Server {
	srv := grpc.NewServer(tracingAPI())
	return srv
}

func tracingAPI() grpc.ServerOption {
	return grpc.StatsHandler(otelgrpc.NewServerHandler())
}

// Tracing by an interceptor of the program's own, no otelgrpc stats
// handler: silent.
func intercepted() *grpc.Server {
	srv := grpc.NewServer(grpc.ChainUnaryInterceptor(func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, next grpc.UnaryHandler) (any, error) {
		return next(ctx, req)
	}))
	registerHealth(srv)
	return srv
}

// Options from a variable of the caller's: silent.
func fromCaller(extra []grpc.ServerOption) *grpc.Server {
	srv := grpc.NewServer(extra...)
	registerHealth(srv)
	return srv
}

// A filtered handler built in a helper: silent.
func filtered() grpc.ServerOption {
	return grpc.StatsHandler(otelgrpc.NewServerHandler(otelgrpc.WithFilter(filters.Not(filters.HealthCheck()))))
}

func fromFiltered() {
	srv := grpc.NewServer(filtered())
	registerHealth(srv)
}

// Exported functions carry facts for other packages.
func Options() []grpc.ServerOption { // want Options:`grpc\(traced\)`
	return []grpc.ServerOption{tracingAPI()}
}

func Register(srv *grpc.Server) { // want Register:`grpc\(health\[0\]\)`
	registerHealth(srv)
}

// A field of a local variable, in one function.
type app struct {
	srv *grpc.Server
}

func (a *app) init() {
	a.srv = grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler())) // want `otelgrpc.NewServerHandler traces the gRPC health service`
	grpc_health_v1.RegisterHealthServer(a.srv, &healthServer{})
}

// Another field of the same variable holds the health service: silent.
type twoServers struct {
	api, probes *grpc.Server
}

func (t *twoServers) init() {
	t.api = grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
	t.probes = grpc.NewServer()
	grpc_health_v1.RegisterHealthServer(t.probes, &healthServer{})
}

// Options passed to a function that builds the server from its
// parameter and registers the health service on it.
func newServer(opts ...grpc.ServerOption) *grpc.Server {
	srv := grpc.NewServer(opts...)
	grpc_health_v1.RegisterHealthServer(srv, &healthServer{})
	return srv
}

func viaConstructor() *grpc.Server {
	return newServer(grpc.MaxRecvMsgSize(1<<20), grpc.StatsHandler(otelgrpc.NewServerHandler())) // want `otelgrpc.NewServerHandler traces the gRPC health service`
}

// A wrapper that adds options to its parameter's.
func withDefaults(opts []grpc.ServerOption) []grpc.ServerOption {
	return append(opts, grpc.MaxConcurrentStreams(100))
}

func wrapped() {
	srv := grpc.NewServer(withDefaults([]grpc.ServerOption{grpc.StatsHandler(otelgrpc.NewServerHandler())})...) // want `otelgrpc.NewServerHandler traces the gRPC health service`
	registerHealth(srv)
}

// The constructor given untraced options: silent.
func untracedConstructor() *grpc.Server {
	return newServer(grpc.MaxRecvMsgSize(1 << 20))
}
