package antipatterns

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// TestPropagatorUnset shows the consequence of the propagator
// anti-pattern (cmd/nopropagator installs a provider and no propagator):
// with the global propagator left as it is in a fresh process, the
// otelhttp transport sends no traceparent and the backend's server span is
// the root of another trace. With the W3C propagator set, as the fix does,
// the same call carries traceparent and stays in the caller's trace.
func TestPropagatorUnset(t *testing.T) {
	if f := otel.GetTextMapPropagator().Fields(); len(f) != 0 {
		t.Fatalf("the global propagator is already set (fields %v); this test needs the default", f)
	}
	defer otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator()) // the no-op default again

	// call serves /propagator through a front service that calls a backend
	// service, both instrumented with otelhttp and the global propagator,
	// and returns the traceparent the backend received and the trace IDs
	// of the front's and the backend's server spans.
	call := func() (traceparent string, front, back trace.TraceID) {
		exp := tracetest.NewInMemoryExporter()
		tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
		defer tp.Shutdown(context.Background())
		got := make(chan string, 1)
		backend := httptest.NewServer(otelhttp.NewHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			got <- r.Header.Get("traceparent")
			io.WriteString(w, "ok")
		}), "backend", otelhttp.WithTracerProvider(tp)))
		defer backend.Close()
		h := &Handlers{
			Tracer:  tp.Tracer("antipatterns"),
			Client:  &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport, otelhttp.WithTracerProvider(tp))},
			Backend: backend.URL,
		}
		srv := httptest.NewServer(otelhttp.NewHandler(h.Mux(), "front", otelhttp.WithTracerProvider(tp)))
		defer srv.Close()
		resp, err := http.Get(srv.URL + "/propagator")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d", resp.StatusCode)
		}
		traceparent = <-got
		srv.Close() // the front's server span ends with its handler
		for _, s := range exp.GetSpans() {
			if s.SpanKind != trace.SpanKindServer {
				continue
			}
			// otelhttp names server spans by method and route: the
			// front's is "GET /propagator", the backend's (no route) "GET".
			if strings.HasSuffix(s.Name, "/propagator") {
				front = s.SpanContext.TraceID()
			} else {
				back = s.SpanContext.TraceID()
			}
		}
		if !front.IsValid() || !back.IsValid() {
			var names []string
			for _, s := range exp.GetSpans() {
				names = append(names, s.Name+"/"+s.SpanKind.String())
			}
			t.Fatalf("spans %v: want the front's and the backend's server spans", names)
		}
		return traceparent, front, back
	}

	tp, front, back := call()
	if tp != "" {
		t.Errorf("with no propagator set the backend received traceparent %q", tp)
	}
	if front == back {
		t.Errorf("with no propagator set the backend joined the caller's trace %s", front)
	}

	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
	tp, front, back = call()
	if tp == "" {
		t.Error("with the W3C propagator set the backend received no traceparent")
	}
	if front != back {
		t.Errorf("with the W3C propagator set the backend's trace %s differs from the caller's %s", back, front)
	}
}
