// Package basic covers synchronous span export in production code:
// WithSyncer passed to NewTracerProvider, NewSimpleSpanProcessor
// registered on a provider, options built in a slice or returned by a
// helper (reported once, where WithSyncer is written), and an exporter
// held in an interface variable.
package basic

import (
	"context"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// collector stands for a network exporter (OTLP, Zipkin).
type collector struct{}

func (collector) ExportSpans(context.Context, []sdktrace.ReadOnlySpan) error { return nil }
func (collector) Shutdown(context.Context) error                             { return nil }

func Direct() *sdktrace.TracerProvider {
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(collector{})) // want `sdktrace.WithSyncer exports every span inside span.End on the request's goroutine \(a slow or unreachable collector becomes request latency; use sdktrace.WithBatcher\)`
	otel.SetTracerProvider(tp)
	return tp
}

func Registered(tp *sdktrace.TracerProvider) {
	tp.RegisterSpanProcessor(sdktrace.NewSimpleSpanProcessor(collector{})) // want `sdktrace.NewSimpleSpanProcessor exports every span .* use sdktrace.NewBatchSpanProcessor\)`
}

func Processor() *sdktrace.TracerProvider {
	sp := sdktrace.NewSimpleSpanProcessor(&collector{}) // want `sdktrace.NewSimpleSpanProcessor exports every span`
	return sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(sp))
}

// Slice builds the options in a slice: reported at WithSyncer, once.
func Slice(debug bool) *sdktrace.TracerProvider {
	opts := []sdktrace.TracerProviderOption{sdktrace.WithSampler(sdktrace.AlwaysSample())}
	if debug {
		opts = append(opts, sdktrace.WithSyncer(collector{})) // want `sdktrace.WithSyncer exports every span`
	}
	return sdktrace.NewTracerProvider(opts...)
}

// options is a helper returning the options: reported inside it, and not
// again where its result is used.
func options(exp sdktrace.SpanExporter) []sdktrace.TracerProviderOption {
	return []sdktrace.TracerProviderOption{
		sdktrace.WithSyncer(exp), // want `sdktrace.WithSyncer exports every span`
	}
}

func FromHelper() *sdktrace.TracerProvider {
	return sdktrace.NewTracerProvider(options(collector{})...)
}

// Interface holds a network exporter in a SpanExporter variable.
func Interface() *sdktrace.TracerProvider {
	var exp sdktrace.SpanExporter = collector{}
	return sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp)) // want `sdktrace.WithSyncer exports every span`
}

// Closure: a function literal that takes no testing type is production
// code.
var Closure = func() sdktrace.TracerProviderOption {
	return sdktrace.WithSyncer(collector{}) // want `sdktrace.WithSyncer exports every span`
}
