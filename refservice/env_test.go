package refservice

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.uber.org/goleak"

	"github.com/otellint/otellint/refservice/internal/spantrack"
)

func TestMain(m *testing.M) {
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
	goleak.VerifyTestMain(m)
}

// env is the service under test with an in-memory exporter: spans are
// exported synchronously when they end (tests only; production uses a
// batcher), and a tracker sees spans that never end.
type env struct {
	t        *testing.T
	exporter *tracetest.InMemoryExporter
	tracker  *spantrack.Tracker
	tp       *sdktrace.TracerProvider
	srv      *httptest.Server
	client   *http.Client
	// baseStarted counts the spans of the set-up, before any request.
	baseStarted int
	// setup holds the spans of the set-up (schema and seed queries).
	setup tracetest.SpanStubs
}

// newEnv starts the service; opts are added to the tracer provider's.
func newEnv(t *testing.T, backendURL string, opts ...sdktrace.TracerProviderOption) *env {
	t.Helper()
	e := &env{t: t, exporter: tracetest.NewInMemoryExporter(), tracker: spantrack.New()}
	e.tp = sdktrace.NewTracerProvider(append([]sdktrace.TracerProviderOption{
		sdktrace.WithSpanProcessor(e.tracker),
		sdktrace.WithSyncer(e.exporter),
	}, opts...)...)
	ctx := context.Background()
	db, err := OpenDB(ctx, ":memory:", e.tp)
	if err != nil {
		t.Fatal(err)
	}
	outbound := &http.Transport{}
	e.srv = httptest.NewServer(NewServer(Config{
		Store:          &Store{DB: db},
		TracerProvider: e.tp,
		BackendURL:     backendURL,
		Client:         &http.Client{Transport: otelhttp.NewTransport(outbound, otelhttp.WithTracerProvider(e.tp))},
	}))
	inbound := &http.Transport{}
	e.client = &http.Client{Transport: inbound, Timeout: 10 * time.Second}
	t.Cleanup(func() {
		e.srv.Close()
		inbound.CloseIdleConnections()
		outbound.CloseIdleConnections()
		db.Close()
		e.tp.Shutdown(context.Background())
	})
	e.setup = e.exporter.GetSpans()
	e.exporter.Reset() // the schema and seed queries
	e.baseStarted, _ = e.tracker.Counts()
	return e
}

// get sends a request and returns the status code.
func (e *env) do(req *http.Request) int {
	e.t.Helper()
	resp, err := e.client.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func (e *env) get(path string) int {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.srv.URL+path, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return e.do(req)
}

// spans waits until n server spans have ended (otelhttp ends a server span
// after the handler returns, which can be after the client has the
// response) and returns every exported span.
func (e *env) spans(n int) tracetest.SpanStubs {
	e.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		got := e.exporter.GetSpans()
		servers := 0
		for _, s := range got {
			if s.SpanKind.String() == "server" && s.InstrumentationScope.Name != ScopeName {
				servers++
			}
		}
		if servers >= n {
			e.noneOpen()
			return got
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("waited for %d server spans, have %d: %v", n, servers, names(got))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// noneOpen checks that no span was left started but not ended.
func (e *env) noneOpen() {
	e.t.Helper()
	if open := e.tracker.Open(); len(open) > 0 {
		e.t.Errorf("spans started and never ended: %v", open)
	}
}

func names(spans tracetest.SpanStubs) []string {
	var out []string
	for _, s := range spans {
		out = append(out, s.Name)
	}
	return out
}

func find(t *testing.T, spans tracetest.SpanStubs, name string) tracetest.SpanStub {
	t.Helper()
	for _, s := range spans {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no span %q among %v", name, names(spans))
	return tracetest.SpanStub{}
}

func findAll(spans tracetest.SpanStubs, name string) tracetest.SpanStubs {
	var out tracetest.SpanStubs
	for _, s := range spans {
		if s.Name == name {
			out = append(out, s)
		}
	}
	return out
}

func attr(s tracetest.SpanStub, key string) (attribute.Value, bool) {
	for _, kv := range s.Attributes {
		if string(kv.Key) == key {
			return kv.Value, true
		}
	}
	return attribute.Value{}, false
}

func wantAttr(t *testing.T, s tracetest.SpanStub, key, want string) {
	t.Helper()
	v, ok := attr(s, key)
	if !ok {
		t.Errorf("span %q lacks attribute %s; has %v", s.Name, key, s.Attributes)
		return
	}
	if got := v.Emit(); got != want {
		t.Errorf("span %q: %s = %q, want %q", s.Name, key, got, want)
	}
}

func wantChild(t *testing.T, child, parent tracetest.SpanStub) {
	t.Helper()
	if child.Parent.SpanID() != parent.SpanContext.SpanID() || child.SpanContext.TraceID() != parent.SpanContext.TraceID() {
		t.Errorf("span %q is not a child of %q", child.Name, parent.Name)
	}
}

func hasException(s tracetest.SpanStub) bool {
	return slices.ContainsFunc(s.Events, func(ev sdktrace.Event) bool { return ev.Name == "exception" })
}
