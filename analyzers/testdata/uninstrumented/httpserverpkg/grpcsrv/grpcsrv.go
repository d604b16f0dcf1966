// Package grpcsrv builds gRPC servers for a program. A library does not
// know whether its program traces: its servers are reported where a
// program that installs a tracer provider gets them.
package grpcsrv

import (
	"errors"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"
)

// New builds a server without a stats handler.
func New(maxMsg int) *grpc.Server { // want New:`untracedServer`
	return grpc.NewServer(grpc.MaxRecvMsgSize(maxMsg))
}

// Build builds one through New, with an error path.
func Build(maxMsg int) (*grpc.Server, error) { // want Build:`untracedServer`
	if maxMsg <= 0 {
		return nil, errors.New("bad size")
	}
	srv := New(maxMsg)
	return srv, nil
}

// Factory builds servers from a method.
type Factory struct{ Max int }

// Server builds a server from a local options slice.
func (f *Factory) Server() *grpc.Server { // want Server:`untracedServer`
	opts := []grpc.ServerOption{grpc.MaxRecvMsgSize(f.Max)}
	opts = append(opts, grpc.MaxSendMsgSize(f.Max))
	return grpc.NewServer(opts...)
}

// With builds a server from options it is given: they may trace.
func With(opts ...grpc.ServerOption) *grpc.Server { return grpc.NewServer(opts...) }

// Traced builds a traced server.
func Traced() *grpc.Server { // want Traced:`instrumentsServer`
	return grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
}

// Intercepted builds a server whose interceptor may trace.
func Intercepted(i grpc.UnaryServerInterceptor) *grpc.Server {
	return grpc.NewServer(grpc.UnaryInterceptor(i))
}
