// want package:"installs propagates"

// Package telemetry is a library that installs the tracer provider for
// its programs (a fact on Setup and on what calls it) and never sets a
// propagator. Libraries are never reported: their programs are.
package telemetry

import (
	"context"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

type collector struct{}

func (collector) ExportSpans(context.Context, []sdktrace.ReadOnlySpan) error { return nil }
func (collector) Shutdown(context.Context) error                             { return nil }

func Setup() *sdktrace.TracerProvider { // want Setup:"installsTracerProvider"
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(collector{}))
	otel.SetTracerProvider(tp)
	return tp
}

// MustSetup installs it through Setup.
func MustSetup() func(context.Context) error { // want MustSetup:"installsTracerProvider"
	return Setup().Shutdown
}

// Client is instrumented: the package propagates.
var Client = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}
