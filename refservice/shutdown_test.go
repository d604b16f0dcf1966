package refservice

import (
	"context"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"

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
