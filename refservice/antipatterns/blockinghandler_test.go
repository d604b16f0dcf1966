package antipatterns

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// TestBlockingHandlerOutlivesClient shows the consequence of the
// blockinghandler anti-pattern: after the client has gone, the backend call
// is still running (its request is never cancelled), and its client span
// is the root of another trace rather than a child of the server span.
func TestBlockingHandlerOutlivesClient(t *testing.T) {
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	defer tp.Shutdown(context.Background())

	arrived := make(chan struct{})
	release := make(chan struct{})
	cancelled := make(chan bool, 1)
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		select {
		case <-r.Context().Done():
			cancelled <- true
		case <-release:
			cancelled <- false
		}
	}))
	defer backend.Close()

	h := &Handlers{
		Tracer:  tp.Tracer("antipatterns"),
		Client:  &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport, otelhttp.WithTracerProvider(tp))},
		Backend: backend.URL,
	}
	front := httptest.NewServer(otelhttp.NewHandler(h.Mux(), "front", otelhttp.WithTracerProvider(tp)))
	defer front.Close()

	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, front.URL+"/blockinghandler", nil)
	clientDone := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		clientDone <- err
	}()
	<-arrived
	cancel() // the client gives up
	if err := <-clientDone; err == nil {
		t.Fatal("the client's request succeeded; it should have been cancelled")
	}

	// A handler that passed r.Context() on would cancel the backend's
	// request within milliseconds; this one never does.
	select {
	case c := <-cancelled:
		t.Fatalf("the backend call ended (cancelled=%v) before it was released", c)
	case <-time.After(300 * time.Millisecond):
	}
	close(release)
	if <-cancelled {
		t.Fatal("the backend saw its request cancelled; the anti-pattern should not propagate the cancellation")
	}

	var server, client *tracetest.SpanStub
	deadline := time.Now().Add(5 * time.Second)
	for server == nil || client == nil {
		if time.Now().After(deadline) {
			t.Fatalf("spans exported: %d, want a server span and a client span", len(exp.GetSpans()))
		}
		time.Sleep(10 * time.Millisecond)
		for _, s := range exp.GetSpans() {
			switch s.SpanKind {
			case trace.SpanKindServer:
				server = &s
			case trace.SpanKindClient:
				client = &s
			}
		}
	}
	if client.SpanContext.TraceID() == server.SpanContext.TraceID() {
		t.Errorf("the backend call joined the request's trace; the anti-pattern should orphan it")
	}
	if client.Parent.IsValid() {
		t.Errorf("the client span has parent %v; it should be a new root", client.Parent.SpanID())
	}
}
