// Package refservice is otellint's reference service: an HTTP service
// instrumented with OpenTelemetry the way the otellint rules ask for. It is
// the Go version of the classic "instrument a web service" tutorial
// service, with that tutorial's mistakes fixed, and it is linted by
// otellint in the repository's tests.
package refservice

import (
	"context"
	"errors"
	"os"
	"strconv"

	"go.opentelemetry.io/contrib/exporters/autoexport"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// Version is the service version reported in the resource.
const Version = "1.0.0"

// Telemetry owns the tracer provider: Shutdown flushes every finished span.
type Telemetry struct {
	Provider *sdktrace.TracerProvider
}

// Shutdown flushes and stops the tracer provider.
func (t *Telemetry) Shutdown(ctx context.Context) error {
	return t.Provider.Shutdown(ctx)
}

// SetupTelemetry configures tracing from the standard OpenTelemetry
// environment variables: OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES
// (resource), OTEL_TRACES_EXPORTER = otlp|console|none with the
// OTEL_EXPORTER_OTLP_* variables (through contrib's autoexport), and
// OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG (read by the SDK; the
// default is parentbased_always_on). With nothing set, spans go to the
// console, so a first run shows them.
//
// It installs the provider and the W3C trace-context and baggage
// propagators globally.
func SetupTelemetry(ctx context.Context) (*Telemetry, error) {
	res, err := newResource(ctx)
	if err != nil {
		return nil, err
	}
	exp, err := autoexport.NewSpanExporter(ctx, autoexport.WithFallbackSpanExporter(
		func(context.Context) (sdktrace.SpanExporter, error) {
			return stdouttrace.New(stdouttrace.WithPrettyPrint())
		}))
	if err != nil {
		return nil, err
	}
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithResource(res),
		sdktrace.WithBatcher(exp), // never a synchronous exporter in production
	)
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(
		propagation.TraceContext{}, propagation.Baggage{}))
	return &Telemetry{Provider: tp}, nil
}

// newResource describes this service instance. Environment variables win
// over the defaults (resource.WithFromEnv is applied last).
func newResource(ctx context.Context) (*resource.Resource, error) {
	host, _ := os.Hostname()
	if host == "" {
		host = "unknown"
	}
	name := "refservice"
	if v := os.Getenv("OTEL_SERVICE_NAME"); v != "" {
		name = v
	}
	res, err := resource.New(ctx,
		resource.WithSchemaURL(semconv.SchemaURL),
		resource.WithTelemetrySDK(),
		resource.WithAttributes(
			semconv.ServiceName(name),
			semconv.ServiceVersion(Version),
			semconv.ServiceInstanceID(host+"-"+strconv.Itoa(os.Getpid())),
		),
		resource.WithFromEnv(),
	)
	if errors.Is(err, resource.ErrPartialResource) {
		err = nil // a bad OTEL_RESOURCE_ATTRIBUTES entry: keep the rest
	}
	return res, err
}
