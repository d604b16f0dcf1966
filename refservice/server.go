package refservice

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/mail"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/coder/websocket"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
	"golang.org/x/sync/errgroup"
)

// ScopeName is the instrumentation scope of the service's own spans.
const ScopeName = "github.com/otellint/otellint/refservice"

// MaxBodyBytes bounds a request body; a larger one gets 413.
const MaxBodyBytes = 1 << 20

// Config configures a Server.
type Config struct {
	Store          *Store
	TracerProvider trace.TracerProvider
	// BackendURL is what GET /proxy calls.
	BackendURL string
	// Client makes outbound calls; nil means one with an otelhttp
	// transport, which injects the traceparent header.
	Client *http.Client
	// TaskDelay is how long each /async-task sub-task works (default 20ms).
	TaskDelay time.Duration
	// Stopping, if set, is closed when the service starts shutting down:
	// open WebSocket connections are then closed with 1001 (going away).
	Stopping <-chan struct{}
}

// Server is the reference service's HTTP handler.
type Server struct {
	cfg    Config
	tracer trace.Tracer
	client *http.Client
	mux    *http.ServeMux
	routes map[string]bool // the patterns registered on mux
}

// NewServer returns the service's handler, instrumented with otelhttp: a
// server span per request named after the route ("GET /user/{id}"), with
// the incoming traceparent as its parent, except /health, which is not
// traced.
//
// The request is routed before its span starts, so the span starts with
// its name and http.route, and url.path records the route's literal
// segments only: a wildcard segment is client input (an id, or an e-mail
// address sent by mistake) and is recorded as REDACTED, and a path that
// matches no route as /REDACTED.
func NewServer(cfg Config) http.Handler {
	if cfg.TaskDelay == 0 {
		cfg.TaskDelay = 20 * time.Millisecond
	}
	s := &Server{
		cfg:    cfg,
		tracer: cfg.TracerProvider.Tracer(ScopeName, trace.WithInstrumentationVersion(Version)),
		client: cfg.Client,
		mux:    http.NewServeMux(),
		routes: map[string]bool{},
	}
	if s.client == nil {
		s.client = &http.Client{
			Transport: otelhttp.NewTransport(http.DefaultTransport,
				otelhttp.WithTracerProvider(cfg.TracerProvider)),
			Timeout: 10 * time.Second,
		}
	}
	s.handle("GET /{$}", s.greet)
	s.handle("GET /user/{id}", s.getUser)
	s.handle("POST /users", s.createUser)
	s.handle("GET /async-task", s.asyncTask)
	s.handle("GET /error", s.fail)
	s.handle("GET /performance", s.performance)
	s.handle("GET /proxy", s.proxy)
	s.handle("GET /ws", s.websocket)
	s.handle(healthPattern, health)
	traced := otelhttp.NewHandler(http.HandlerFunc(s.serveRouted), "refservice",
		otelhttp.WithTracerProvider(cfg.TracerProvider),
		otelhttp.WithFilter(func(r *http.Request) bool { return r.Pattern != healthPattern }),
	)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		traced.ServeHTTP(w, s.redacted(r))
	})
}

const healthPattern = "GET /health"

// handle registers a route.
func (s *Server) handle(pattern string, h http.HandlerFunc) {
	s.mux.HandleFunc(pattern, h)
	s.routes[pattern] = true
}

// originalURLKey is the context key of the request's URL while otelhttp
// sees a redacted one.
type originalURLKey struct{}

// redacted returns what otelhttp sees of r: its route as r.Pattern, and a
// URL whose path is redacted by redactPath.
func (s *Server) redacted(r *http.Request) *http.Request {
	_, pattern := s.mux.Handler(r)
	if !s.routes[pattern] {
		pattern = "" // no route (404, 405)
	}
	u := *r.URL
	u.Path, u.RawPath = redactPath(pattern, r.URL.Path), ""
	red := r.WithContext(context.WithValue(r.Context(), originalURLKey{}, r.URL))
	red.URL, red.Pattern = &u, pattern
	return red
}

// serveRouted serves a request traced by otelhttp, with its own URL back.
func (s *Server) serveRouted(w http.ResponseWriter, r *http.Request) {
	if u, ok := r.Context().Value(originalURLKey{}).(*url.URL); ok {
		r = r.WithContext(r.Context())
		r.URL = u
	}
	s.mux.ServeHTTP(w, r)
}

// redacted replaces what telemetry must not record.
const redacted = "REDACTED"

// redactPath returns the path of pattern's route with each wildcard
// segment, and what a trailing slash matches, replaced by REDACTED; with
// no pattern, "/REDACTED". Only the literal segments come from the
// pattern; path tells whether a trailing slash matched anything.
func redactPath(pattern, path string) string {
	i := strings.IndexByte(pattern, '/')
	if i < 0 {
		return "/" + redacted
	}
	route := pattern[i:]
	segs := strings.Split(route, "/")
	for i, seg := range segs {
		switch {
		case seg == "{$}":
			segs[i] = ""
		case strings.HasPrefix(seg, "{"): // {name}, or {name...} at the end
			segs[i] = redacted
		}
	}
	if strings.HasSuffix(route, "/") &&
		(!strings.HasSuffix(path, "/") || strings.Count(path, "/") > strings.Count(route, "/")) {
		segs[len(segs)-1] = redacted
	}
	return strings.Join(segs, "/")
}

func health(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) greet(w http.ResponseWriter, r *http.Request) {
	trace.SpanFromContext(r.Context()).AddEvent("greeting")
	writeJSON(w, http.StatusOK, map[string]string{"message": "Hello from the otellint reference service"})
}

func (s *Server) getUser(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		writeError(w, http.StatusBadRequest, "id must be a positive integer")
		return
	}
	trace.SpanFromContext(r.Context()).SetAttributes(semconv.UserID(strconv.FormatInt(id, 10)))
	u, err := s.cfg.Store.User(r.Context(), id)
	switch {
	case errors.Is(err, ErrNotFound):
		writeError(w, http.StatusNotFound, "user not found")
	case err != nil:
		recordFailure(trace.SpanFromContext(r.Context()), err)
		writeError(w, http.StatusInternalServerError, "database error")
	default:
		writeJSON(w, http.StatusOK, u)
	}
}

type newUser struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

func (s *Server) createUser(w http.ResponseWriter, r *http.Request) {
	// The body's size is bounded here, its time by the server's ReadTimeout.
	in, status, err := s.decodeUser(r.Context(), http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		writeError(w, status, err.Error())
		return
	}
	u, err := s.cfg.Store.Insert(r.Context(), in.Name, in.Email)
	if err != nil {
		recordFailure(trace.SpanFromContext(r.Context()), err)
		writeError(w, http.StatusInternalServerError, "could not create user")
		return
	}
	// The id, never the e-mail address: span attributes are not the place
	// for personal data.
	trace.SpanFromContext(r.Context()).SetAttributes(semconv.UserID(strconv.FormatInt(u.ID, 10)))
	writeJSON(w, http.StatusCreated, u)
}

// The client mistakes decodeUser reports. Their messages are fixed: the
// input (net/mail and encoding/json quote it in theirs) can be an e-mail
// address, which must not reach a span.
var (
	errBodyNotJSON    = errors.New(`body is not a JSON object with string fields "name" and "email"`)
	errBodyTooLarge   = fmt.Errorf("body larger than %d bytes", MaxBodyBytes)
	errBodyTimeout    = errors.New("body not received in time")
	errBodyUnreadable = errors.New("body could not be read")
	errInvalidEmail   = errors.New("email is not a single valid address")
)

// decodeUser parses and validates a new user in its own span; a client
// mistake is recorded on it as an error event but answered with 4xx.
func (s *Server) decodeUser(ctx context.Context, body io.Reader) (newUser, int, error) {
	_, span := s.tracer.Start(ctx, "validate user")
	defer span.End()
	var in newUser
	if err := json.NewDecoder(body).Decode(&in); err != nil {
		status, err := bodyError(err)
		recordFailure(span, err)
		return in, status, err
	}
	var missing []string
	if strings.TrimSpace(in.Name) == "" {
		missing = append(missing, "name")
	}
	if strings.TrimSpace(in.Email) == "" {
		missing = append(missing, "email")
	}
	if len(missing) > 0 {
		err := fmt.Errorf("missing fields: %s", strings.Join(missing, ", "))
		recordFailure(span, err)
		return in, http.StatusBadRequest, err
	}
	if _, err := mail.ParseAddress(in.Email); err != nil {
		recordFailure(span, errInvalidEmail)
		return in, http.StatusBadRequest, errInvalidEmail
	}
	return in, 0, nil
}

// bodyError maps an error decoding a JSON body to a status and the fixed
// error that tells the client what went wrong.
func bodyError(err error) (int, error) {
	var (
		tooBig    *http.MaxBytesError
		syntax    *json.SyntaxError
		wrongType *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge, errBodyTooLarge
	case errors.Is(err, os.ErrDeadlineExceeded):
		return http.StatusRequestTimeout, errBodyTimeout
	case errors.As(err, &syntax), errors.As(err, &wrongType),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return http.StatusBadRequest, errBodyNotJSON
	default: // the connection failed or was closed
		return http.StatusBadRequest, errBodyUnreadable
	}
}

// asyncTask runs three sub-tasks concurrently, each in its own child span
// of the workflow span, then aggregates their results.
func (s *Server) asyncTask(w http.ResponseWriter, r *http.Request) {
	ctx, span := s.tracer.Start(r.Context(), "process workflow")
	defer span.End()

	results := make([]int, 3)
	g, gctx := errgroup.WithContext(ctx)
	for i := range results {
		g.Go(func() error {
			v, err := s.subTask(gctx, i)
			results[i] = v
			return err
		})
	}
	if err := g.Wait(); err != nil {
		recordFailure(span, err)
		writeError(w, http.StatusServiceUnavailable, "workflow did not finish")
		return
	}
	total := s.aggregate(ctx, results)
	writeJSON(w, http.StatusOK, map[string]any{"results": results, "total": total})
}

func (s *Server) subTask(ctx context.Context, i int) (int, error) {
	ctx, span := s.tracer.Start(ctx, "subtask", trace.WithAttributes(attribute.Int("task.index", i)))
	defer span.End()
	if err := wait(ctx, s.cfg.TaskDelay); err != nil {
		recordFailure(span, err)
		return 0, err
	}
	return (i + 1) * 10, nil
}

func (s *Server) aggregate(ctx context.Context, results []int) int {
	_, span := s.tracer.Start(ctx, "aggregate results")
	defer span.End()
	total := 0
	for _, v := range results {
		total += v
	}
	span.SetAttributes(attribute.Int("results.total", total))
	return total
}

// Errors the /error endpoint fails with.
var (
	errValidation = errors.New("validation failed: field 'amount' must be positive")
	errDivision   = errors.New("division by zero")
	errGeneric    = errors.New("something went wrong")
)

// fail fails on purpose, and records each failure on a span the way a
// trace backend needs: an exception event and an Error status.
func (s *Server) fail(w http.ResponseWriter, r *http.Request) {
	kind := r.URL.Query().Get("type")
	// The attribute records a known kind only: the query is client input.
	demoType := kind
	if !slices.Contains([]string{"validation", "timeout", "division", "generic", ""}, kind) {
		demoType = "_OTHER"
	}
	ctx, span := s.tracer.Start(r.Context(), "error demo", trace.WithAttributes(attribute.String("error.demo.type", demoType)))
	defer span.End()
	var (
		err    error
		status int
	)
	switch kind {
	case "validation":
		err, status = errValidation, http.StatusBadRequest
	case "timeout":
		// A real deadline, not a sleep: the work stops when it passes.
		tctx, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
		defer cancel()
		err, status = wait(tctx, time.Minute), http.StatusGatewayTimeout
	case "division":
		err, status = divide(10, 0), http.StatusInternalServerError
	case "generic", "":
		err, status = errGeneric, http.StatusInternalServerError
	default:
		writeError(w, http.StatusBadRequest, "type must be validation, timeout, division or generic")
		return
	}
	recordFailure(span, err)
	writeError(w, status, err.Error())
}

func divide(a, b int) error {
	if b == 0 {
		return errDivision
	}
	_ = a / b
	return nil
}

// performance runs timed phases, each a child span.
func (s *Server) performance(w http.ResponseWriter, r *http.Request) {
	phases := []struct {
		name string
		work time.Duration
	}{{"load data", 5 * time.Millisecond}, {"transform", 3 * time.Millisecond}, {"render", 2 * time.Millisecond}}
	timings := map[string]float64{}
	for _, p := range phases {
		if err := s.phase(r.Context(), p.name, p.work, timings); err != nil {
			writeError(w, http.StatusServiceUnavailable, "request cancelled")
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"phases_ms": timings})
}

func (s *Server) phase(ctx context.Context, name string, work time.Duration, timings map[string]float64) error {
	ctx, span := s.tracer.Start(ctx, name)
	defer span.End()
	start := time.Now()
	if err := wait(ctx, work); err != nil {
		recordFailure(span, err)
		return err
	}
	timings[name] = float64(time.Since(start).Microseconds()) / 1000
	return nil
}

// proxy calls the configured backend with the request's context: the
// otelhttp transport adds a client span and a traceparent header, so the
// backend's spans join this trace.
func (s *Server) proxy(w http.ResponseWriter, r *http.Request) {
	if s.cfg.BackendURL == "" {
		writeError(w, http.StatusServiceUnavailable, "no backend configured")
		return
	}
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, s.cfg.BackendURL, nil)
	if err != nil {
		recordFailure(trace.SpanFromContext(r.Context()), err)
		writeError(w, http.StatusInternalServerError, "bad backend URL")
		return
	}
	resp, err := s.client.Do(req)
	if err != nil {
		recordFailure(trace.SpanFromContext(r.Context()), err)
		writeError(w, http.StatusBadGateway, "backend unreachable")
		return
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxBodyBytes))
	if err != nil {
		recordFailure(trace.SpanFromContext(r.Context()), err)
		writeError(w, http.StatusBadGateway, "backend response unreadable")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"backend_status": resp.StatusCode, "backend_body": string(body)})
}

// websocket echoes text messages, with a span per message. When the
// service shuts down it closes the connection with 1001 (going away); the
// handler then returns, which ends the request's server span.
func (s *Server) websocket(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return // Accept has answered the client
	}
	defer c.CloseNow()
	done, closed := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(closed)
		select {
		case <-s.cfg.Stopping:
			// The close handshake: Read below returns once it is over.
			c.Close(websocket.StatusGoingAway, "server shutting down")
		case <-done:
		}
	}()
	defer func() { close(done); <-closed }()
	ctx := r.Context()
	for {
		typ, msg, err := c.Read(ctx)
		if err != nil {
			return // closed by the client, or the request context ended
		}
		if err := s.echo(ctx, c, typ, msg); err != nil {
			return
		}
	}
}

func (s *Server) echo(ctx context.Context, c *websocket.Conn, typ websocket.MessageType, msg []byte) error {
	ctx, span := s.tracer.Start(ctx, "websocket message",
		trace.WithSpanKind(trace.SpanKindServer),
		trace.WithAttributes(attribute.Int("messaging.message.body.size", len(msg))))
	defer span.End()
	if err := c.Write(ctx, typ, msg); err != nil {
		recordFailure(span, err)
		return err
	}
	return nil
}

// wait blocks for d or until ctx is done, whichever comes first.
func wait(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// recordFailure marks span failed: the exception event and the Error
// status (RecordError alone leaves the status Unset, shown as OK).
func recordFailure(span trace.Span, err error) {
	span.RecordError(err)
	span.SetStatus(codes.Error, err.Error())
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
