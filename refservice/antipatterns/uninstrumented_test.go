package antipatterns

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// TestUninstrumentedClientBreaksTrace shows the consequence of the
// uninstrumented anti-pattern: the handler's backend call carries no
// traceparent, although both services use otelhttp with the W3C
// propagator, and the backend's server span is the root of another trace.
// The same request through the instrumented client (h.Client, the
// /propagator route's) reaches the backend with a traceparent, in the
// caller's trace.
func TestUninstrumentedClientBreaksTrace(t *testing.T) {
	prop := otelhttp.WithPropagators(propagation.TraceContext{})
	call := func(route string) (traceparent string, front, back trace.TraceID) {
		exp := tracetest.NewInMemoryExporter()
		tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
		defer tp.Shutdown(context.Background())
		got := make(chan string, 1)
		backend := httptest.NewServer(otelhttp.NewHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			got <- r.Header.Get("traceparent")
			io.WriteString(w, "ok")
		}), "backend", otelhttp.WithTracerProvider(tp), prop))
		defer backend.Close()
		h := &Handlers{
			Tracer:  tp.Tracer("antipatterns"),
			Client:  &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport, otelhttp.WithTracerProvider(tp), prop)},
			Backend: backend.URL,
		}
		srv := httptest.NewServer(otelhttp.NewHandler(h.Mux(), "front", otelhttp.WithTracerProvider(tp), prop))
		defer srv.Close()
		resp, err := http.Get(srv.URL + route)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", route, resp.StatusCode)
		}
		traceparent = <-got
		srv.Close() // the front's server span ends with its handler
		for _, s := range exp.GetSpans() {
			if s.SpanKind != trace.SpanKindServer {
				continue
			}
			if strings.HasSuffix(s.Name, route) {
				front = s.SpanContext.TraceID()
			} else {
				back = s.SpanContext.TraceID()
			}
		}
		if !front.IsValid() || !back.IsValid() {
			t.Fatalf("%s: want the front's and the backend's server spans", route)
		}
		return traceparent, front, back
	}

	tp, front, back := call("/uninstrumented")
	if tp != "" {
		t.Errorf("the backend received traceparent %q through the uninstrumented client", tp)
	}
	if front == back {
		t.Errorf("the backend joined the request's trace %v; the uninstrumented client should break it", front)
	}

	tp, front, back = call("/propagator")
	if tp == "" || front != back {
		t.Errorf("through the instrumented client: traceparent %q, traces %v and %v; want one trace", tp, front, back)
	}
}
