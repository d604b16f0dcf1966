// Package odd holds odd but valid gRPC and router code: healthfilter must
// neither panic nor report on it.
package odd

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gorilla/mux/otelmux"
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/stats"
)

type healthServer struct {
	grpc_health_v1.UnimplementedHealthServer
}

// Recursion: the fixed point ends.
func recursive(n int) []grpc.ServerOption {
	if n == 0 {
		return nil
	}
	return append(recursive(n-1), grpc.MaxRecvMsgSize(n))
}

// Generic helpers.
func generic[T any](opts ...grpc.ServerOption) []grpc.ServerOption {
	return opts
}

func useGeneric() {
	srv := grpc.NewServer(generic[int]()...)
	grpc_health_v1.RegisterHealthServer(srv, &healthServer{})
}

// A handler from a parameter (a stats.Handler the caller may filter).
func fromHandler(h stats.Handler) {
	srv := grpc.NewServer(grpc.StatsHandler(h))
	grpc_health_v1.RegisterHealthServer(srv, &healthServer{})
}

func callFromHandler(h stats.Handler) {
	fromHandler(h)
}

// Blank and multi-value assignments, a method value, a function value.
func odd() {
	_ = grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
	a, b := grpc.NewServer(), grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
	grpc_health_v1.RegisterHealthServer(a, &healthServer{})
	_ = b
	register := grpc_health_v1.RegisterHealthServer
	register(b, &healthServer{}) // a function value: not seen
	var build func() *grpc.Server
	if build != nil {
		grpc_health_v1.RegisterHealthServer(build(), &healthServer{})
	}
	servers := []*grpc.Server{grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))}
	grpc_health_v1.RegisterHealthServer(servers[0], &healthServer{}) // an element: not seen
}

// Options in a map and a struct: not followed.
type config struct {
	opts []grpc.ServerOption
}

func structured() {
	c := config{opts: []grpc.ServerOption{grpc.StatsHandler(otelgrpc.NewServerHandler())}}
	m := map[string]grpc.ServerOption{"trace": grpc.StatsHandler(otelgrpc.NewServerHandler())}
	srv := grpc.NewServer(m["trace"])
	other := grpc.NewServer(c.opts[:1]...)
	grpc_health_v1.RegisterHealthServer(srv, &healthServer{})
	grpc_health_v1.RegisterHealthServer(other, &healthServer{})
}

// Routers: a middleware from a variable, Use with a spread slice, a
// router in a closure.
func routers(extra []mux.MiddlewareFunc) {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", func(http.ResponseWriter, *http.Request) {})
	mw := otelmux.Middleware("orders")
	r.Use(mw)
	r.Use(extra...)
	e := echo.New()
	func() { e.GET("/healthz", func(echo.Context) error { return nil }) }()
	g := gin.New()
	defer g.Use(otelgin.Middleware("orders"))
}
