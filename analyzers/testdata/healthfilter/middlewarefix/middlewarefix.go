// Package middlewarefix is fixed in middlewarefix.go.golden.
package middlewarefix

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gorilla/mux/otelmux"
	"go.opentelemetry.io/contrib/instrumentation/github.com/labstack/echo/otelecho"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func ok(w http.ResponseWriter, _ *http.Request) {}

func gorilla() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", ok)
	r.HandleFunc("/readyz", ok)
	r.Use(otelmux.Middleware("orders")) // want `otelmux.Middleware traces the health-check route`
	return r
}

func wrapped() http.Handler {
	r := mux.NewRouter()
	r.HandleFunc("/health", ok)
	return otelmux.Middleware("orders", otelmux.WithPublicEndpoint())(r) // want `otelmux.Middleware traces the health-check route`
}

// A template: no fix.
func template() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/healthz/{probe}", ok)
	r.Use(otelmux.Middleware("orders")) // want `otelmux.Middleware traces the health-check route`
	return r
}

func echoed() *echo.Echo {
	e := echo.New()
	e.GET("/healthz", func(c echo.Context) error { return nil })
	e.GET("/livez", func(c echo.Context) error { return nil })
	e.Use(otelecho.Middleware("orders")) // want `otelecho.Middleware traces the health-check route`
	return e
}

func ginned() *gin.Engine {
	r := gin.New()
	r.Use(otelgin.Middleware("orders")) // want `otelgin.Middleware traces the health-check route`
	r.GET("/healthz", func(c *gin.Context) {})
	return r
}

func otelhttpOnGorilla() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", ok)
	r.Use(otelhttp.NewMiddleware("orders")) // want `otelhttp.NewMiddleware traces the health-check route`
	return r
}
