// Package negative covers span names with bounded values: constants,
// route templates, variables assigned only constants, and values the rule
// cannot see into. None is reported.
package negative

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("negative")

type op string

const (
	opGet  op = "get"
	prefix    = "svc."
)

func constants(ctx context.Context) {
	_, s1 := tracer.Start(ctx, "load")
	defer s1.End()
	_, s2 := tracer.Start(ctx, string(opGet))
	defer s2.End()
	_, s3 := tracer.Start(ctx, prefix+"load")
	defer s3.End()
	_, s4 := tracer.Start(ctx, fmt.Sprintf("%s.%s", prefix, opGet))
	defer s4.End()
	_, s5 := tracer.Start(ctx, "retry "+strconv.Itoa(3))
	defer s5.End()
}

// Route templates are bounded by the routes.
func routes(w http.ResponseWriter, r *http.Request) {
	_, s1 := tracer.Start(r.Context(), r.Pattern)
	defer s1.End()
	_, s2 := tracer.Start(r.Context(), r.Method+" "+r.Pattern)
	defer s2.End()
	tmpl, _ := mux.CurrentRoute(r).GetPathTemplate()
	_, s3 := tracer.Start(r.Context(), r.Method+" "+tmpl)
	defer s3.End()
}

func ginRoute(c *gin.Context) {
	_, span := tracer.Start(c.Request.Context(), c.Request.Method+" "+c.FullPath())
	defer span.End()
}

func echoRoute(c echo.Context) error {
	_, span := tracer.Start(c.Request().Context(), "GET "+c.Path())
	defer span.End()
	return nil
}

// A variable assigned only constants, on every path.
func switched(w http.ResponseWriter, r *http.Request) {
	var name string
	switch r.Method {
	case http.MethodGet:
		name = "read"
	case http.MethodPost:
		name = "write"
	default:
		name = "other"
	}
	_, span := tracer.Start(r.Context(), name)
	defer span.End()

	kind := "public"
	if r.Header.Get("Authorization") != "" {
		kind = "private"
	}
	_, span2 := tracer.Start(r.Context(), "serve "+kind)
	defer span2.End()
}

var opNames = map[string]string{
	http.MethodGet:  "accounts.read",
	http.MethodPost: "accounts.write",
}

var stages = []string{"parse", "plan", "execute"}

func tables(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), opNames[r.Method])
	defer span.End()
	for i := range stages {
		_, s := tracer.Start(r.Context(), stages[i])
		s.End()
	}
	for _, stage := range stages {
		_, s := tracer.Start(r.Context(), "stage "+stage)
		s.End()
	}
	for i := range 4 {
		_, s := tracer.Start(r.Context(), fmt.Sprintf("worker-%d", i))
		s.End()
	}
}

type client struct{ service string }

// Values the rule cannot see into stay silent: a field and a result whose
// names say nothing about their values.
func (c *client) call(ctx context.Context) {
	_, span := tracer.Start(ctx, c.service+".Get")
	defer span.End()
	_, span2 := tracer.Start(ctx, describe())
	defer span2.End()
}

func describe() string { return "describe" }

// An exported function's parameter with no visible caller: unknown, and
// the fact sends the check to the callers.
func Traced(ctx context.Context, name string, fn func(context.Context)) { // want Traced:"namesSpan\\(1\\)"
	ctx, span := tracer.Start(ctx, name)
	defer span.End()
	fn(ctx)
}

// A helper whose every caller passes a constant.
func startOp(ctx context.Context, op string) (context.Context, trace.Span) { // want startOp:"namesSpan\\(1\\)"
	return tracer.Start(ctx, "db."+op)
}

func callers(ctx context.Context) {
	_, s1 := startOp(ctx, "select")
	defer s1.End()
	_, s2 := startOp(ctx, string(opGet))
	defer s2.End()
	Traced(ctx, "work", func(context.Context) {})
}

// The operation parameter of a formatter is supplied by otelhttp and the
// loop variable of a closure is unknown.
func loop(ctx context.Context, names []string) {
	for _, n := range names {
		_, s := tracer.Start(ctx, n)
		s.End()
	}
	ok := len(names) > 0
	_, s := tracer.Start(ctx, fmt.Sprint("has names: ", ok))
	s.End()
}

// Routes registered with the mux: path is a pattern here, not the
// request's path.
func register(mux *http.ServeMux, path string, h http.Handler) { // want register:"namesSpan\\(1\\)"
	mux.Handle(path, h)
	_, span := tracer.Start(context.Background(), "register "+path)
	span.End()
}

var routeTable = map[string]string{"/a": "a", "/b": "b"}

func registerAll(ctx context.Context) {
	for path, name := range routeTable {
		_, span := tracer.Start(ctx, path+" "+name)
		span.End()
	}
	for i := 0; i < 3; i++ {
		_, span := tracer.Start(ctx, "shard-"+strconv.Itoa(i))
		span.End()
	}
}

// Numbers whose names say they have few values.
func retries(ctx context.Context, statusCode int) { // want retries:"namesSpan\\(1\\)"
	for attempt := 1; attempt <= 3; attempt++ {
		_, span := tracer.Start(ctx, fmt.Sprintf("call attempt %d", attempt))
		span.End()
	}
	_, span := tracer.Start(ctx, "status "+strconv.Itoa(statusCode))
	span.End()
}

// An enumeration: a named number type with a String method.
type Kind int

func (k Kind) String() string { return [...]string{"a", "b"}[k] }

func enums(ctx context.Context, k Kind) { // want enums:"namesSpan\\(1\\)"
	var local Kind = 1
	_, span := tracer.Start(ctx, "kind "+k.String())
	span.End()
	_, span2 := tracer.Start(ctx, fmt.Sprintf("kind %v", local))
	span2.End()
	kinds := []Kind{0, 1}
	for _, kk := range kinds {
		_, span3 := tracer.Start(ctx, fmt.Sprint("kind ", kk))
		span3.End()
	}
}
