package refservice

import (
	"context"
	"testing"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// TestSetupTelemetryFromEnv checks that the standard environment drives the
// set-up: exporter choice, service name and resource attributes, and the
// parent-based sampler.
func TestSetupTelemetryFromEnv(t *testing.T) {
	t.Setenv("OTEL_TRACES_EXPORTER", "none")
	t.Setenv("OTEL_SERVICE_NAME", "users")
	t.Setenv("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=test")
	prev := otel.GetTracerProvider()
	defer otel.SetTracerProvider(prev)

	ctx := context.Background()
	tel, err := SetupTelemetry(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tel.Shutdown(ctx)
	exp := tracetest.NewInMemoryExporter()
	tel.Provider.RegisterSpanProcessor(sdktrace.NewSimpleSpanProcessor(exp))

	_, span := tel.Provider.Tracer("test").Start(ctx, "root")
	span.End()
	spans := exp.GetSpans()
	if len(spans) != 1 {
		t.Fatalf("%d spans, want 1", len(spans))
	}
	res := map[string]string{}
	for _, kv := range spans[0].Resource.Attributes() {
		res[string(kv.Key)] = kv.Value.Emit()
	}
	for k, want := range map[string]string{
		"service.name": "users", "service.version": Version, "deployment.environment.name": "test",
	} {
		if res[k] != want {
			t.Errorf("resource %s = %q, want %q", k, res[k], want)
		}
	}
	if res["service.instance.id"] == "" {
		t.Error("resource lacks service.instance.id")
	}

	// Parent-based: an unsampled remote parent keeps its children unsampled.
	tid, _ := trace.TraceIDFromHex("4bf92f3577b34da6a3ce929d0e0e4736")
	sid, _ := trace.SpanIDFromHex("00f067aa0ba902b7")
	parent := trace.ContextWithRemoteSpanContext(ctx, trace.NewSpanContext(trace.SpanContextConfig{
		TraceID: tid, SpanID: sid, Remote: true,
	}))
	_, child := tel.Provider.Tracer("test").Start(parent, "child")
	defer child.End()
	if child.IsRecording() {
		t.Error("a child of an unsampled parent is sampled: the sampler is not parent-based")
	}
}

// TestSamplerFromEnv: OTEL_TRACES_SAMPLER reaches the SDK.
func TestSamplerFromEnv(t *testing.T) {
	t.Setenv("OTEL_TRACES_EXPORTER", "none")
	t.Setenv("OTEL_TRACES_SAMPLER", "always_off")
	prev := otel.GetTracerProvider()
	defer otel.SetTracerProvider(prev)
	ctx := context.Background()
	tel, err := SetupTelemetry(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tel.Shutdown(ctx)
	_, span := tel.Provider.Tracer("test").Start(ctx, "root")
	defer span.End()
	if span.IsRecording() {
		t.Error("OTEL_TRACES_SAMPLER=always_off was ignored")
	}
}
