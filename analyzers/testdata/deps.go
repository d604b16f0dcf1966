// Package deps pins the OpenTelemetry API packages (two semconv versions
// among them), the web and RPC frameworks whose handlers blockinghandler
// recognises, the SDK and otelhttp for the setup rules, and the otelgrpc,
// otelgin, otelmux and otelecho middlewares healthfilter reads, that the rule
// testdata imports, so that `go mod vendor` keeps them in vendor/.
package deps

import (
	_ "go.opentelemetry.io/otel"
	_ "go.opentelemetry.io/otel/attribute"
	_ "go.opentelemetry.io/otel/codes"
	_ "go.opentelemetry.io/otel/propagation"
	_ "go.opentelemetry.io/otel/sdk/trace"
	_ "go.opentelemetry.io/otel/sdk/trace/tracetest"
	_ "go.opentelemetry.io/otel/semconv/v1.21.0" // an old version: exports deprecated keys (HTTPMethodKey)
	_ "go.opentelemetry.io/otel/semconv/v1.43.0" // the newest
	_ "go.opentelemetry.io/otel/trace"
	_ "go.opentelemetry.io/otel/trace/noop"

	_ "go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"
	_ "go.opentelemetry.io/contrib/instrumentation/github.com/gorilla/mux/otelmux"
	_ "go.opentelemetry.io/contrib/instrumentation/github.com/labstack/echo/otelecho"
	_ "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	_ "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc/filters"
	_ "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	_ "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp/filters"
	_ "go.opentelemetry.io/otel/sdk/log"
	_ "go.opentelemetry.io/otel/sdk/metric"

	_ "example.com/telemetry"
	_ "golang.org/x/sync/errgroup"

	_ "connectrpc.com/connect"
	_ "github.com/gin-gonic/gin"
	_ "github.com/gofiber/fiber/v2"
	_ "github.com/gorilla/mux"
	_ "github.com/jmoiron/sqlx"
	_ "github.com/julienschmidt/httprouter"
	_ "github.com/labstack/echo/v4"
	_ "google.golang.org/grpc"
	_ "google.golang.org/grpc/health/grpc_health_v1"
)
