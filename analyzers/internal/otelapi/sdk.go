package otelapi

import (
	"go/types"
	"strings"
)

// Package paths of the OpenTelemetry trace SDK and of the global API.
const (
	SDKTracePkg    = "go.opentelemetry.io/otel/sdk/trace"
	TracetestPkg   = "go.opentelemetry.io/otel/sdk/trace/tracetest"
	PropagationPkg = "go.opentelemetry.io/otel/propagation"
)

// syncExports lists the SDK functions that make a span processor export
// each span synchronously, inside span.End, and the batching function
// that takes the same exporter argument instead.
var syncExports = map[string]string{
	"go.opentelemetry.io/otel/sdk/trace.WithSyncer":             "WithBatcher",
	"go.opentelemetry.io/otel/sdk/trace.NewSimpleSpanProcessor": "NewBatchSpanProcessor",
}

// SyncExport reports whether fn exports spans synchronously, and the name
// of its batching counterpart in the same package.
func SyncExport(fn *types.Func) (string, bool) {
	if fn == nil {
		return "", false
	}
	alt, ok := lookup(syncExports, syncExportsNames, fn)
	return alt, ok
}

// inMemoryExporters are the span exporter types that keep spans in memory
// for tests: exporting to them synchronously costs nothing.
var inMemoryExporters = [][2]string{
	{TracetestPkg, "InMemoryExporter"},
}

// IsInMemoryExporter reports whether t is (a pointer to) an in-memory span
// exporter.
func IsInMemoryExporter(t types.Type) bool {
	if t == nil {
		return false
	}
	for _, e := range inMemoryExporters {
		if IsNamed(t, e[0], e[1]) {
			return true
		}
	}
	return false
}

// Global-setup functions of the API: installing the global tracer provider
// and the global text-map propagator.
var (
	providerInstalls = map[string]bool{
		"go.opentelemetry.io/otel.SetTracerProvider": true,
	}
	propagatorSets = map[string]bool{
		"go.opentelemetry.io/otel.SetTextMapPropagator": true,
	}
)

// InstallsTracerProvider reports whether fn installs the global tracer
// provider.
func InstallsTracerProvider(fn *types.Func) bool {
	v, _ := lookup(providerInstalls, providerInstallNames, fn)
	return v
}

var (
	providerInstallNames = shortNames(providerInstalls)
	propagatorSetNames   = shortNames(propagatorSets)
)

// SetsPropagator reports whether fn sets the global text-map propagator.
func SetsPropagator(fn *types.Func) bool {
	v, _ := lookup(propagatorSets, propagatorSetNames, fn)
	return v
}

// propagatorUses lists the API functions that read the global text-map
// propagator: code that calls them injects or extracts trace context
// through whatever propagator is installed.
var propagatorUses = map[string]bool{
	"go.opentelemetry.io/otel.GetTextMapPropagator": true,
}

// UsesPropagator reports whether fn reads the global text-map propagator.
func UsesPropagator(fn *types.Func) bool {
	v, _ := lookup(propagatorUses, propagatorUseNames, fn)
	return v
}

var propagatorUseNames = shortNames(propagatorUses)

// instrumentationPrefix holds the contrib instrumentation packages, which
// inject and extract trace context with the global propagator unless they
// are given one (otelhttp, otelgrpc, otelgin, ...).
const instrumentationPrefix = "go.opentelemetry.io/contrib/instrumentation/"

// localInstrumentation are contrib instrumentation packages that make no
// requests and serve none: they record metrics of the process itself.
var localInstrumentation = []string{"runtime", "host"}

// IsPropagatingInstrumentation reports whether the package with import
// path path is instrumentation that uses the global propagator by default.
func IsPropagatingInstrumentation(path string) bool {
	rest, ok := strings.CutPrefix(path, instrumentationPrefix)
	if !ok {
		return false
	}
	for _, l := range localInstrumentation {
		if rest == l || strings.HasPrefix(rest, l+"/") {
			return false
		}
	}
	return true
}

// propagatorSetterPkgs are OTel packages that set the global propagator
// themselves (the collector's service configures its own telemetry from
// its configuration): a program that links one sets a propagator. The
// OTel modules are never analysed from source, so this table stands for
// their facts. A key matches the package and the packages under it.
var propagatorSetterPkgs = []string{
	"go.opentelemetry.io/collector/service",
	"go.opentelemetry.io/collector/otelcol",
}

// SetsPropagatorPkg reports whether linking the package with import path
// path sets the global propagator.
func SetsPropagatorPkg(path string) bool {
	for _, p := range propagatorSetterPkgs {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

var (
	syncExportsNames = shortNames(syncExports)
)
