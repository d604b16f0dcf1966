// Package interop is a test server for cross-implementation tests, in the
// shape of grpc-go's interop.testServer: it sleeps as the test client asks
// it to, to exercise deadlines. Its methods are fakes that serve tests,
// not clients: silent (the package is test support by its path).
package interop

import (
	"context"
	"time"

	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

type testServer struct {
	healthpb.UnimplementedHealthServer
	delay time.Duration
}

// NewTestServer returns the server the interop client tests run against.
func NewTestServer(delay time.Duration) healthpb.HealthServer {
	return &testServer{delay: delay}
}

func (s *testServer) Check(ctx context.Context, req *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	if s.delay > 0 {
		time.Sleep(s.delay) // simulates a slow server for the client's deadline test
	}
	return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
}

func (s *testServer) Watch(req *healthpb.HealthCheckRequest, stream grpc.ServerStreamingServer[healthpb.HealthCheckResponse]) error {
	for i := 0; i < 3; i++ {
		time.Sleep(2 * time.Second) // the client measures the interval
	}
	return stream.Send(&healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING})
}
