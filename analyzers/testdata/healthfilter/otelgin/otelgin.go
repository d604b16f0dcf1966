// Package otelgin holds gin engines traced by otelgin that serve probe
// routes, with and without a filter. A gin engine's middlewares apply to
// the routes registered after them only.
package otelgin

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func ok(c *gin.Context) { c.Status(http.StatusOK) }

func used() *gin.Engine {
	r := gin.New()
	r.Use(otelgin.Middleware("orders")) // want `otelgin.Middleware traces the health-check route "/healthz": it has no otelgin.WithFilter`
	r.GET("/healthz", ok)
	r.GET("/orders/:id", ok)
	return r
}

func handle() *gin.Engine {
	r := gin.Default()
	r.Use(gin.Recovery(), otelgin.Middleware("orders", otelgin.WithTracerProvider(nil))) // want `otelgin.Middleware traces the health-check route "/readyz", "/livez"`
	r.Handle(http.MethodGet, "/readyz", ok)
	r.Any("/livez", ok)
	return r
}

// Routes registered by a helper after the middleware.
func routes(r *gin.Engine) {
	r.GET("/ping", ok)
}

func helper() *gin.Engine {
	r := gin.New()
	r.Use(otelgin.Middleware("orders")) // want `otelgin.Middleware traces the health-check route "/ping"`
	routes(r)
	return r
}

// The probe is registered before the middleware, which does not apply to
// it: silent.
func before() *gin.Engine {
	r := gin.New()
	r.GET("/healthz", ok)
	r.Use(otelgin.Middleware("orders"))
	r.GET("/orders", ok)
	return r
}

// Filtered: not a finding.
func filtered() *gin.Engine {
	r := gin.New()
	r.Use(otelgin.Middleware("orders", otelgin.WithFilter(func(r *http.Request) bool {
		return r.URL.Path != "/healthz"
	})))
	r.GET("/healthz", ok)
	return r
}

// Traced only in a group without the probe: silent.
func group() *gin.Engine {
	r := gin.New()
	api := r.Group("/api")
	api.Use(otelgin.Middleware("orders"))
	api.GET("/orders", ok)
	r.GET("/healthz", ok)
	return r
}

// A gin engine wrapped by otelhttp: every route is traced, in any order.
func asHandler() http.Handler {
	r := gin.New()
	r.GET("/healthz", ok)
	return otelhttp.NewHandler(r, "orders") // want `otelhttp.NewHandler traces the health-check route "/healthz"`
}
