package otelapi

import "testing"

func TestIsPropagatingInstrumentation(t *testing.T) {
	for path, want := range map[string]bool{
		"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp":                true,
		"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc":  true,
		"go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin": true,
		"go.opentelemetry.io/contrib/instrumentation/runtime":                          false, // metrics of the process
		"go.opentelemetry.io/contrib/instrumentation/host":                             false,
		"go.opentelemetry.io/contrib/instrumentation/runtimex":                         true,
		"go.opentelemetry.io/otel/sdk/trace":                                           false,
		"github.com/XSAM/otelsql":                                                      false,
	} {
		if got := IsPropagatingInstrumentation(path); got != want {
			t.Errorf("IsPropagatingInstrumentation(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestSetsPropagatorPkg(t *testing.T) {
	for path, want := range map[string]bool{
		"go.opentelemetry.io/collector/service":                             true,
		"go.opentelemetry.io/collector/service/telemetry/otelconftelemetry": true,
		"go.opentelemetry.io/collector/otelcol":                             true,
		"go.opentelemetry.io/collector/servicex":                            false,
		"go.opentelemetry.io/otel":                                          false,
	} {
		if got := SetsPropagatorPkg(path); got != want {
			t.Errorf("SetsPropagatorPkg(%q) = %v, want %v", path, got, want)
		}
	}
}
