// Package frameworks covers gin and echo handlers: the raw path is
// reported with the framework's route template as the way out, path
// parameters are reported, the route templates are fine.
package frameworks

import (
	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("frameworks")

func ginPath(c *gin.Context) {
	_, span := tracer.Start(c.Request.Context(), c.Request.URL.Path) // want `built from c\.Request\.URL\.Path, .*name it after the route, e\.g\. c\.FullPath\(\), and record the path as url\.path`
	defer span.End()
}

func ginParam(c *gin.Context) {
	_, span := tracer.Start(c.Request.Context(), "get_user "+c.Param("id")) // want `built from c\.Param\("id"\), .*use a constant name and record c\.Param\("id"\) as an attribute`
	defer span.End()
}

func ginRoute(c *gin.Context) {
	_, span := tracer.Start(c.Request.Context(), c.Request.Method+" "+c.FullPath())
	defer span.End()
}

func echoPath(c echo.Context) error {
	_, span := tracer.Start(c.Request().Context(), c.Request().URL.Path) // want `built from c\.Request\(\)\.URL\.Path, .*e\.g\. c\.Path\(\), and record`
	defer span.End()
	return nil
}

func echoParam(c echo.Context) error {
	_, span := tracer.Start(c.Request().Context(), "get_user "+c.Param("id")) // want `built from c\.Param\("id"\), `
	defer span.End()
	return nil
}

func echoRoute(c echo.Context) error {
	_, span := tracer.Start(c.Request().Context(), c.Request().Method+" "+c.Path())
	defer span.End()
	return nil
}
