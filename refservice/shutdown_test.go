package refservice

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/otellint/otellint/refservice/internal/spantrack"
)

// TestShutdownExportsEverything uses the production set-up, a batching
// processor, and checks that shutting the provider down exports every span
// that was still waiting in the batch.
func TestShutdownExportsEverything(t *testing.T) {
	exp := &keepingExporter{}
	tracker := spantrack.New()
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithSpanProcessor(tracker),
		sdktrace.WithBatcher(exp, sdktrace.WithBatchTimeout(time.Hour)), // nothing leaves before shutdown
	)
	ctx := context.Background()
	db, err := OpenDB(ctx, ":memory:", tp)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := NewServer(Config{Store: &Store{DB: db}, TracerProvider: tp})
	for _, p := range []string{"/", "/user/1", "/async-task", "/performance"} {
		req, _ := http.NewRequest(http.MethodGet, p, nil)
		rec := &discardWriter{header: http.Header{}}
		h.ServeHTTP(rec, req)
	}
	if n := exp.count(); n != 0 {
		t.Fatalf("%d spans exported before shutdown; the batch timeout should hold them", n)
	}
	if err := tp.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	started, ended := tracker.Counts()
	if started != ended || exp.count() != ended {
		t.Errorf("started %d, ended %d, exported %d after shutdown", started, ended, exp.count())
	}
}

// keepingExporter keeps what it was sent even after Shutdown (the SDK's
// in-memory exporter forgets everything when shut down).
type keepingExporter struct {
	mu    sync.Mutex
	spans []sdktrace.ReadOnlySpan
}

func (e *keepingExporter) ExportSpans(_ context.Context, spans []sdktrace.ReadOnlySpan) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.spans = append(e.spans, spans...)
	return nil
}

func (e *keepingExporter) Shutdown(context.Context) error { return nil }

func (e *keepingExporter) count() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.spans)
}

type discardWriter struct {
	header http.Header
}

func (w *discardWriter) Header() http.Header         { return w.header }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(int)             {}

// TestRunDrainsInFlightRequests starts the real Run, cancels it (as SIGTERM
// does) while a request is in flight, and checks that the request still
// completes and Run returns cleanly.
func TestRunDrainsInFlightRequests(t *testing.T) {
	t.Setenv("OTEL_TRACES_EXPORTER", "none")
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, RunConfig{Addr: "127.0.0.1:0", DSN: ":memory:", Ready: func(a net.Addr) { addr <- a }})
	}()
	base := "http://" + (<-addr).String()
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}

	var wg sync.WaitGroup
	var status int
	wg.Add(1)
	go func() {
		defer wg.Done()
		resp, err := client.Get(base + "/async-task")
		if err != nil {
			t.Error(err)
			return
		}
		resp.Body.Close()
		status = resp.StatusCode
	}()
	time.Sleep(5 * time.Millisecond) // the request is in flight (its sub-tasks take 20ms)
	cancel()
	wg.Wait()
	if status != http.StatusOK {
		t.Errorf("in-flight request got %d during shutdown, want 200", status)
	}
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
}

// slowBody starts a POST /users to addr whose body never comes, and
// returns once the handler waits for it (the server answers "100
// Continue" when the handler starts to read the body).
func slowBody(t *testing.T, addr string) (net.Conn, *bufio.Reader) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	_, err = io.WriteString(conn, "POST /users HTTP/1.1\r\nHost: refservice\r\nContent-Type: application/json\r\n"+
		"Content-Length: 40\r\nExpect: 100-continue\r\n\r\n{")
	if err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, nil)
	if err != nil || resp.StatusCode != http.StatusContinue {
		t.Fatalf("before the body: %v, %v; want 100 Continue", resp, err)
	}
	return conn, r
}

// TestReadTimeoutBoundsBody: a body that does not arrive within the read
// timeout gets 408, and the server is not held by it.
func TestReadTimeoutBoundsBody(t *testing.T) {
	t.Setenv("OTEL_TRACES_EXPORTER", "none")
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, RunConfig{Addr: "127.0.0.1:0", DSN: ":memory:", ReadTimeout: 200 * time.Millisecond,
			Ready: func(a net.Addr) { addr <- a }})
	}()
	_, r := slowBody(t, (<-addr).String())
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestTimeout {
		t.Errorf("status %d, want 408", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
}

// TestRunCutsOffSlowRequests: a request still running when the shutdown
// timeout passes has its connection closed, and Run returns nil.
func TestRunCutsOffSlowRequests(t *testing.T) {
	t.Setenv("OTEL_TRACES_EXPORTER", "none")
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, RunConfig{Addr: "127.0.0.1:0", DSN: ":memory:", ReadTimeout: time.Hour,
			ShutdownTimeout: 50 * time.Millisecond, Ready: func(a net.Addr) { addr <- a }})
	}()
	conn, r := slowBody(t, (<-addr).String())
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v, want nil after a shutdown cut short", err)
	}
	conn.SetReadDeadline(time.Now().Add(time.Minute)) // a hang guard only
	if b, err := io.ReadAll(r); (err != nil && !errors.Is(err, syscall.ECONNRESET)) || len(b) > 0 {
		t.Errorf("slow request's connection: %q, %v; want it closed", b, err)
	}
}

// TestWebSocketGoingAway: when the service stops, an open WebSocket gets a
// close frame with 1001 going away, and the request's server span ends.
func TestWebSocketGoingAway(t *testing.T) {
	exp := tracetest.NewInMemoryExporter()
	tracker := spantrack.New()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(tracker), sdktrace.WithSyncer(exp))
	defer tp.Shutdown(context.Background())
	stopping := make(chan struct{})
	h := NewServer(Config{TracerProvider: tp, Stopping: stopping})
	served := make(chan struct{}) // the handler has returned: its span has ended
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer close(served)
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()

	ctx := context.Background()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"/ws",
		&websocket.DialOptions{HTTPClient: &http.Client{Transport: tr}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseNow()
	if err := c.Write(ctx, websocket.MessageText, []byte("hi")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Read(ctx); err != nil {
		t.Fatal(err)
	}
	close(stopping)
	_, _, err = c.Read(ctx)
	if got := websocket.CloseStatus(err); got != websocket.StatusGoingAway {
		t.Errorf("read after stopping: %v (status %v), want a close frame with 1001 going away", err, got)
	}
	<-served
	var server []string
	for _, s := range exp.GetSpans() {
		if s.Name == "GET /ws" {
			server = append(server, s.Name)
		}
	}
	if len(server) != 1 {
		t.Errorf("%d server spans for the WebSocket, want 1", len(server))
	}
	if open := tracker.Open(); len(open) > 0 {
		t.Errorf("spans never ended: %v", open)
	}
}

// TestWebSocketOutlivesReadTimeout: the read timeout bounds requests, not
// the WebSocket connections they become.
func TestWebSocketOutlivesReadTimeout(t *testing.T) {
	t.Setenv("OTEL_TRACES_EXPORTER", "none")
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, RunConfig{Addr: "127.0.0.1:0", DSN: ":memory:", ReadTimeout: 50 * time.Millisecond,
			Ready: func(a net.Addr) { addr <- a }})
	}()
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	c, _, err := websocket.Dial(ctx, "ws://"+(<-addr).String()+"/ws", &websocket.DialOptions{HTTPClient: &http.Client{Transport: tr}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseNow()
	time.Sleep(200 * time.Millisecond) // four read timeouts
	if err := c.Write(ctx, websocket.MessageText, []byte("still there")); err != nil {
		t.Fatal(err)
	}
	if _, msg, err := c.Read(ctx); err != nil || string(msg) != "still there" {
		t.Errorf("echo after the read timeout: %q, %v", msg, err)
	}
	cancel()
	if _, _, err := c.Read(context.Background()); websocket.CloseStatus(err) != websocket.StatusGoingAway {
		t.Errorf("read at shutdown: %v, want 1001 going away", err)
	}
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
}
