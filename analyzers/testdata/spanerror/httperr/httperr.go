// Package httperr covers handlers of HTTP and connect frameworks that
// answer with an error carrying a status: 4xx (and client-class connect
// codes) answer the request, 5xx are failures.
package httperr

import (
	"context"
	"database/sql"
	"errors"
	"net/http"

	"connectrpc.com/connect"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("httperr")

type User struct{ ID string }

type DB interface {
	Find(ctx context.Context, id string) (*User, error)
}

type Handler struct{ db DB }

// An echo handler: a missing parameter is a 400, a missing row echo's
// ErrNotFound (a NewHTTPError(404) sentinel, known by its fact), a
// database failure a 500.
func (h *Handler) GetUser(c echo.Context) error {
	ctx, span := tracer.Start(c.Request().Context(), "GetUser")
	defer span.End()
	id := c.Param("id")
	if id == "" {
		return echo.NewHTTPError(http.StatusBadRequest, "missing id")
	}
	u, err := h.db.Find(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return echo.ErrNotFound
	}
	if err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError, err.Error()) // want `error returned while span "GetUser" is live`
	}
	if u.ID == "root" {
		return echo.NewHTTPError(http.StatusForbidden)
	}
	c.Set("user", u)
	return nil
}

// A fiber handler: the same line.
func (h *Handler) Profile(c *fiber.Ctx) error {
	ctx, span := tracer.Start(c.UserContext(), "Profile")
	defer span.End()
	u, err := h.db.Find(ctx, c.Params("id"))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fiber.NewError(fiber.StatusNotFound, "no such user")
	case err != nil:
		return fiber.NewError(fiber.StatusServiceUnavailable, err.Error()) // want `error returned while span "Profile" is live`
	case u.ID == "":
		return fiber.ErrUnprocessableEntity // a 4xx sentinel: the same in every driver (otelapi's table)
	case u.ID == "-":
		return fiber.ErrInternalServerError // want `error returned while span "Profile" is live`
	}
	return nil
}

// A connect service method.
func (h *Handler) Lookup(ctx context.Context, id string) (*User, error) {
	ctx, span := tracer.Start(ctx, "Lookup")
	defer span.End()
	if id == "" {
		return nil, connect.NewError(connect.CodeInvalidArgument, errors.New("id is required"))
	}
	u, err := h.db.Find(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, connect.NewError(connect.CodeNotFound, err)
	}
	if err != nil {
		return nil, connect.NewError(connect.CodeInternal, err) // want `error returned while span "Lookup" is live`
	}
	return u, nil
}
