// Package basic holds providers that are never shut down. // want package:"providerParams"
package basic

import (
	"context"
	"log"

	"go.opentelemetry.io/otel"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// Inline: the global API never shuts it down.
func inline() {
	exp := tracetest.NewInMemoryExporter()
	otel.SetTracerProvider(sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))) // want `tracer provider from sdktrace.NewTracerProvider is never shut down \(what its processors still hold is lost when the program exits; call its Shutdown, or hand it to code that does\)`
	run(context.Background())
}

// Set globally, used, forgotten.
func forgotten() {
	tp := sdktrace.NewTracerProvider() // want `tracer provider from sdktrace.NewTracerProvider is never shut down`
	otel.SetTracerProvider(tp)
	tracer := tp.Tracer("app")
	_, span := tracer.Start(context.Background(), "work")
	span.End()
}

// Only the exporter is shut down: the processor's queue is never drained.
func exporterOnly(ctx context.Context) {
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp)) // want `tracer provider from sdktrace.NewTracerProvider is never shut down`
	otel.SetTracerProvider(tp)
	defer func() {
		if err := exp.Shutdown(ctx); err != nil {
			log.Print(err)
		}
	}()
	run(ctx)
}

func dropped() {
	_ = sdktrace.NewTracerProvider() // want `tracer provider from sdktrace.NewTracerProvider is dropped`
}

func meters() {
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewPeriodicReader(exporter))) // want `meter provider from sdkmetric.NewMeterProvider is never shut down`
	otel.SetMeterProvider(mp)
}

func logs() *sdklog.LoggerProvider {
	lp := sdklog.NewLoggerProvider(sdklog.WithProcessor(sdklog.NewBatchProcessor(logExporter))) // want `logger provider from sdklog.NewLoggerProvider is never shut down`
	_ = lp.Logger("app")
	return nil
}

// A helper that uses the provider but does not own it.
func configure(tp *sdktrace.TracerProvider) {
	otel.SetTracerProvider(tp)
}

func viaConfigure() {
	tp := sdktrace.NewTracerProvider() // want `tracer provider from sdktrace.NewTracerProvider is never shut down`
	configure(tp)
}

// A setup function returning the provider: its caller owns it.
func initTracer() *sdktrace.TracerProvider { // want initTracer:"returnsProvider\\(0\\)"
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	return tp
}

func mainLike() {
	tp := initTracer() // want `tracer provider from initTracer is never shut down`
	_ = tp.Tracer("app")
	run(context.Background())
}

func run(context.Context) {}

// Returned as the API's interface: no caller can shut it down (jaeger's
// hotrod example).
func initOTEL() trace.TracerProvider {
	tp := sdktrace.NewTracerProvider() // want `tracer provider from sdktrace.NewTracerProvider is returned as trace.TracerProvider, which has no Shutdown method: no caller can shut it down`
	return tp
}

// Kept where nothing shuts it down.
type server struct {
	tp *sdktrace.TracerProvider
}

func newServer() *server {
	return &server{tp: sdktrace.NewTracerProvider()} // want `tracer provider from sdktrace.NewTracerProvider is stored in field server.tp, which nothing in this package shuts down`
}

func (s *server) tracer() trace.Tracer { return s.tp.Tracer("server") }

var provider *sdktrace.TracerProvider

func initProvider() {
	tp := sdktrace.NewTracerProvider() // want `tracer provider from sdktrace.NewTracerProvider is stored in package variable provider, which nothing in this package shuts down`
	provider = tp
	otel.SetTracerProvider(provider)
}

var (
	exporter    sdkmetric.Exporter
	logExporter sdklog.Exporter
)
