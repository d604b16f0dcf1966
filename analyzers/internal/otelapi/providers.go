package otelapi

import "go/types"

// Provider is what otellint knows of an SDK provider constructor.
type Provider struct {
	// Kind names the provider in messages: "tracer provider".
	Kind string
	// Pkg is the name its package is usually imported as: "sdktrace".
	Pkg string
	// Queues lists the options and processors that buffer telemetry in
	// the provider until it is flushed: what Shutdown drains.
	Queues []string
}

// TracerProviderKind is the Kind of the trace SDK's provider.
const TracerProviderKind = "tracer provider"

// providerCtors maps the SDK's provider constructors to what they build.
// Each provider must be shut down: Shutdown drains its processors' queues
// and shuts the exporters down.
var providerCtors = map[string]Provider{
	"go.opentelemetry.io/otel/sdk/trace.NewTracerProvider": {Kind: TracerProviderKind, Pkg: "sdktrace", Queues: []string{
		"go.opentelemetry.io/otel/sdk/trace.WithBatcher",
		"go.opentelemetry.io/otel/sdk/trace.NewBatchSpanProcessor",
	}},
	"go.opentelemetry.io/otel/sdk/metric.NewMeterProvider": {Kind: "meter provider", Pkg: "sdkmetric", Queues: []string{
		"go.opentelemetry.io/otel/sdk/metric.NewPeriodicReader",
	}},
	"go.opentelemetry.io/otel/sdk/log.NewLoggerProvider": {Kind: "logger provider", Pkg: "sdklog", Queues: []string{
		"go.opentelemetry.io/otel/sdk/log.NewBatchProcessor",
	}},
}

var providerCtorNames = shortNames(providerCtors)

// ProviderCtor reports whether fn constructs an SDK provider that must be
// shut down, and what it builds.
func ProviderCtor(fn *types.Func) (Provider, bool) {
	if fn == nil {
		return Provider{}, false
	}
	return lookup(providerCtors, providerCtorNames, fn)
}

// providerTypes are the SDK's provider types, by package path and name.
var providerTypes = map[[2]string]bool{
	{"go.opentelemetry.io/otel/sdk/trace", "TracerProvider"}: true,
	{"go.opentelemetry.io/otel/sdk/metric", "MeterProvider"}: true,
	{"go.opentelemetry.io/otel/sdk/log", "LoggerProvider"}:   true,
}

// IsProviderType reports whether t is an SDK provider or a pointer to one.
func IsProviderType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return providerTypes[[2]string{n.Obj().Pkg().Path(), n.Obj().Name()}]
}

// IsSDKProviderPath reports whether path is one of the SDK packages that
// declare providers (sdk/trace, sdk/metric, sdk/log).
func IsSDKProviderPath(path string) bool {
	for k := range providerTypes {
		if k[0] == path {
			return true
		}
	}
	return false
}

// processorOptions are the provider options that take a processor or a
// reader, whose own Shutdown drains it as the provider's would (a batch
// processor exports what it holds, a periodic reader collects once more).
var processorOptions = map[string]bool{
	"go.opentelemetry.io/otel/sdk/trace.WithSpanProcessor": true,
	"go.opentelemetry.io/otel/sdk/metric.WithReader":       true,
	"go.opentelemetry.io/otel/sdk/log.WithProcessor":       true,
}

var processorOptionsNames = shortNames(processorOptions)

// IsProcessorOption reports whether fn is a provider option that takes a
// processor or reader.
func IsProcessorOption(fn *types.Func) bool { return get(processorOptions, processorOptionsNames, fn) }
