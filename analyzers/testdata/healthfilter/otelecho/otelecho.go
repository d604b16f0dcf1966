// Package otelecho holds echo instances traced by otelecho that serve
// probe routes, with and without a skipper.
package otelecho

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/contrib/instrumentation/github.com/labstack/echo/otelecho"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func ok(c echo.Context) error { return c.NoContent(http.StatusOK) }

func used() *echo.Echo {
	e := echo.New()
	e.Use(otelecho.Middleware("orders")) // want `otelecho.Middleware traces the health-check route "/healthz": it has no otelecho.WithSkipper`
	e.GET("/healthz", ok)
	e.GET("/orders/:id", ok)
	return e
}

func add() *echo.Echo {
	e := echo.New()
	e.Add(http.MethodGet, "/ping", ok)
	e.Match([]string{http.MethodGet, http.MethodHead}, "/readyz", ok)
	e.Use(otelecho.Middleware("orders", otelecho.WithTracerProvider(nil))) // want `otelecho.Middleware traces the health-check route "/ping", "/readyz"`
	return e
}

// Routes registered by a helper on its parameter, exported: a fact.
func Routes(e *echo.Echo) { // want Routes:`probes\(/health; params\[0\]\)`
	e.GET("/health", ok)
}

func helper() *echo.Echo {
	e := echo.New()
	Routes(e)
	e.Use(otelecho.Middleware("orders")) // want `otelecho.Middleware traces the health-check route "/health"`
	return e
}

// An otelhttp-free echo wrapped by nothing but its middleware; a skipper:
// silent.
func skipped() *echo.Echo {
	e := echo.New()
	e.GET("/healthz", ok)
	e.Use(otelecho.Middleware("orders", otelecho.WithSkipper(func(c echo.Context) bool {
		return c.Path() == "/healthz"
	})))
	return e
}

// Traced only on a group without the probe: silent.
func group() *echo.Echo {
	e := echo.New()
	e.GET("/healthz", ok)
	api := e.Group("/api", otelecho.Middleware("orders"))
	api.GET("/orders", ok)
	return e
}

// A probe-like path that is not a probe: silent.
func notProbe() *echo.Echo {
	e := echo.New()
	e.GET("/health/:id", ok)
	e.Use(otelecho.Middleware("orders"))
	return e
}

// Before routing.
func pre() *echo.Echo {
	e := echo.New()
	e.Pre(otelecho.Middleware("orders")) // want `otelecho.Middleware traces the health-check route "/livez"`
	e.GET("/livez", ok)
	return e
}

// An echo instance wrapped by otelhttp serves its routes too.
func otelhttpWrapped() http.Handler {
	e := echo.New()
	e.GET("/healthz", ok)
	return otelhttp.NewHandler(e, "orders") // want `otelhttp.NewHandler traces the health-check route "/healthz"`
}
