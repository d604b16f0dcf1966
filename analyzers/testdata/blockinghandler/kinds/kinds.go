// Package kinds has one handler of each kind the rule recognises, each
// blocking in time.Sleep, and look-alikes that are not handlers.
package kinds

import (
	"context"
	"io"
	"net/http"
	"time"

	"connectrpc.com/connect"
	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/julienschmidt/httprouter"
	"github.com/labstack/echo/v4"
	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

const d = 100 * time.Millisecond

// A handler function.
func slow(w http.ResponseWriter, r *http.Request) {
	time.Sleep(d) // want `time.Sleep in HTTP handler "slow" ignores the request context: it keeps blocking after the client goes away \(use a select on r.Context\(\).Done\(\) and a timer\)`
}

type api struct{}

// A ServeHTTP method.
func (api) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	time.Sleep(d) // want `time.Sleep in HTTP handler "ServeHTTP" ignores the request context: .* \(use a select on req.Context\(\).Done\(\) and a timer\)`
}

// Literals passed to HandleFunc and converted to HandlerFunc.
func routes(mux *http.ServeMux) { // want routes:"blocks\\(time.Sleep\\)"
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(d) // want `time.Sleep in HTTP handler ignores the request context`
	})
	mux.Handle("/b", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(d) // want `time.Sleep in HTTP handler ignores the request context`
	}))
	time.Sleep(d) // routes is not a handler
}

// Middleware: the handler is the literal it returns.
func middleware(next http.Handler) http.Handler { // want middleware:"blocks\\(time.Sleep\\)"
	time.Sleep(d) // set-up, not a request
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		time.Sleep(d) // want `time.Sleep in HTTP handler ignores the request context: .* \(use a select on ctx.Done\(\) and a timer\)`
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// An unnamed request parameter: still a handler, the message names ctx.
func unnamed(http.ResponseWriter, *http.Request) {
	time.Sleep(d) // want `time.Sleep in HTTP handler "unnamed" ignores the request context: .* \(use a select on ctx.Done\(\) and a timer\)`
}

func ginHandler(c *gin.Context) {
	time.Sleep(d) // want `time.Sleep in gin handler "ginHandler" ignores the request context: .* \(use a select on c.Request.Context\(\).Done\(\) and a timer\)`
	c.String(http.StatusOK, "ok")
}

func echoHandler(c echo.Context) error {
	time.Sleep(d) // want `time.Sleep in echo handler "echoHandler" ignores the request context: .* \(use a select on c.Request\(\).Context\(\).Done\(\) and a timer\)`
	return c.String(http.StatusOK, "ok")
}

func fiberHandler(c *fiber.Ctx) error {
	time.Sleep(d) // want `time.Sleep in fiber handler "fiberHandler" ignores the request context: .* \(use a select on c.UserContext\(\).Done\(\) and a timer\)`
	return c.SendString("ok")
}

func register(e *echo.Echo, g *gin.Engine, app *fiber.App) {
	g.GET("/x", func(c *gin.Context) {
		time.Sleep(d) // want `time.Sleep in gin handler ignores the request context`
	})
	e.GET("/x", func(c echo.Context) error {
		time.Sleep(d) // want `time.Sleep in echo handler ignores the request context`
		return nil
	})
	app.Get("/x", func(c *fiber.Ctx) error {
		time.Sleep(d) // want `time.Sleep in fiber handler ignores the request context`
		return nil
	})
}

// A gRPC server embedding the generated Unimplemented server: unary and
// streaming methods.
type healthServer struct {
	healthpb.UnimplementedHealthServer
}

func (s *healthServer) Check(ctx context.Context, req *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	time.Sleep(d) // want `time.Sleep in gRPC method "Check" ignores the request context: .* \(use a select on ctx.Done\(\) and a timer\)`
	return &healthpb.HealthCheckResponse{}, nil
}

func (s *healthServer) Watch(req *healthpb.HealthCheckRequest, stream grpc.ServerStreamingServer[healthpb.HealthCheckResponse]) error {
	time.Sleep(d) // want `time.Sleep in gRPC method "Watch" ignores the request context: .* \(use a select on stream.Context\(\).Done\(\) and a timer\)`
	return nil
}

// A method of the same shape that the service does not declare is not a
// gRPC method.
func (s *healthServer) Refresh(ctx context.Context, req *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	time.Sleep(d)
	return nil, nil
}

// A gRPC server that does not embed the Unimplemented server (generated
// with require_unimplemented_servers=false): recognised from the service
// interface in the request's package.
type bareHealth struct{}

func (bareHealth) Check(ctx context.Context, req *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	time.Sleep(d) // want `time.Sleep in gRPC method "Check" ignores the request context`
	return nil, nil
}

func (bareHealth) List(_ context.Context, req *healthpb.HealthListRequest) (*healthpb.HealthListResponse, error) {
	time.Sleep(d) // want `time.Sleep in gRPC method "List" ignores the request context: .* \(use a select on ctx.Done\(\) and a timer\)`
	return nil, nil
}

func (bareHealth) Watch(req *healthpb.HealthCheckRequest, stream grpc.ServerStreamingServer[healthpb.HealthCheckResponse]) error {
	return nil
}

// A gRPC client call has the same first parameters and more: not a handler.
type client struct{ c healthpb.HealthClient }

func (c client) Check(ctx context.Context, req *healthpb.HealthCheckRequest, opts ...grpc.CallOption) (*healthpb.HealthCheckResponse, error) {
	time.Sleep(d)
	return c.c.Check(ctx, req, opts...)
}

// Look-alikes: an io.Writer is not a ResponseWriter; a gin handler that
// returns something is not a gin handler.
func writeTo(w io.Writer, r *http.Request) { time.Sleep(d) }

func ginLike(c *gin.Context) error { time.Sleep(d); return nil }

func serve() {
	s := grpc.NewServer()
	healthpb.RegisterHealthServer(s, &healthServer{})
}

// httprouter's handle and a Connect unary handler.
func routerHandle(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	time.Sleep(d) // want `time.Sleep in HTTP handler "routerHandle" ignores the request context: .* \(use a select on r.Context\(\).Done\(\) and a timer\)`
}

func (s *healthServer) Ping(ctx context.Context, req *connect.Request[healthpb.HealthCheckRequest]) (*connect.Response[healthpb.HealthCheckResponse], error) {
	time.Sleep(d) // want `time.Sleep in Connect handler "Ping" ignores the request context: .* \(use a select on ctx.Done\(\) and a timer\)`
	return connect.NewResponse(&healthpb.HealthCheckResponse{}), nil
}

// Each kind, using its context: silent.
func slowOK(w http.ResponseWriter, r *http.Request) {
	wait(r.Context())
}

func routerOK(w http.ResponseWriter, r *http.Request, _ httprouter.Params) { wait(r.Context()) }

func ginOK(c *gin.Context) { wait(c.Request.Context()) }

func echoOK(c echo.Context) error { wait(c.Request().Context()); return nil }

func fiberOK(c *fiber.Ctx) error { wait(c.UserContext()); return nil }

func (s *healthServer) List(ctx context.Context, req *healthpb.HealthListRequest) (*healthpb.HealthListResponse, error) {
	wait(ctx)
	return &healthpb.HealthListResponse{}, nil
}

func (s *healthServer) Pong(ctx context.Context, req *connect.Request[healthpb.HealthCheckRequest]) (*connect.Response[healthpb.HealthCheckResponse], error) {
	wait(ctx)
	return nil, nil
}

func wait(ctx context.Context) {
	select {
	case <-time.After(d):
	case <-ctx.Done():
	}
}

// More look-alikes: an echo or fiber function without the error result, a
// router handle with other trailing parameters.
func echoLike(c echo.Context) { time.Sleep(d) }

func fiberLike(c *fiber.Ctx) { time.Sleep(d) }

func routerLike(w http.ResponseWriter, r *http.Request, params map[string]string) { time.Sleep(d) }
