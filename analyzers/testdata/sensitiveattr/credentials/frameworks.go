package credentials

import (
	"context"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"google.golang.org/grpc/metadata"
)

// Framework getters of headers, cookies and form values.
func Gin(c *gin.Context) {
	span := trace.SpanFromContext(c.Request.Context())
	span.SetAttributes(attribute.String("auth", c.GetHeader("Authorization"))) // want `attribute "auth" carries the request's Authorization header`
	sess, _ := c.Cookie("sid")
	span.SetAttributes(attribute.String("sid", sess))                             // want `attribute "sid" carries the value of the request's cookie "sid"`
	span.SetAttributes(attribute.String("login", c.PostForm("password")))         // want `attribute "login" carries a password from c.PostForm\("password"\)`
	span.SetAttributes(attribute.String("search.query", c.Query("q")))            // silent
	span.SetAttributes(attribute.String("user.agent", c.GetHeader("User-Agent"))) // silent
}

func Echo(c echo.Context) error {
	span := trace.SpanFromContext(c.Request().Context())
	ck, err := c.Cookie("session")
	if err != nil {
		return err
	}
	span.SetAttributes(attribute.String("session", ck.Value))                        // want `attribute "session" carries the value of the request's cookie "session"`
	span.SetAttributes(attribute.String("contact", c.QueryParam("email")))           // want `attribute "contact" carries an e-mail address from c.QueryParam\("email"\)`
	span.SetAttributes(attribute.String("key", c.Request().Header.Get("X-API-KEY"))) // want `attribute "key" carries the request's X-Api-Key header`
	return nil
}

func Fiber(c *fiber.Ctx) error {
	span := trace.SpanFromContext(c.UserContext())
	span.SetAttributes(attribute.String("auth", c.Get("Authorization"))) // want `attribute "auth" carries the request's Authorization header`
	span.SetAttributes(attribute.String("sid", c.Cookies("sid")))        // want `attribute "sid" carries the value of the request's cookie "sid"`
	span.SetAttributes(attribute.String("accept", c.Get("Accept")))      // silent
	return nil
}

func GRPC(ctx context.Context) {
	md, _ := metadata.FromIncomingContext(ctx)
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(attribute.StringSlice("rpc.auth", md.Get("authorization")))            // want `attribute "rpc.auth" carries the authorization metadata`
	span.SetAttributes(attribute.StringSlice("rpc.agent", md.Get("user-agent")))              // silent
	span.SetAttributes(attribute.StringSlice("rpc.grpc.request.metadata.authorization", nil)) // silent: nil is no value
}
