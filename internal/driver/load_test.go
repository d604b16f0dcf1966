package driver

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestSetsGlobals: a dependency that installs the global propagator or
// tracer provider is read from source, so that the propagator rule's
// package facts see it; one that only reads the globals is not.
func TestSetsGlobals(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"package a\nimport \"go.opentelemetry.io/otel\"\nfunc init() { otel.SetTextMapPropagator(nil) }\n", true},
		{"package a\nimport \"go.opentelemetry.io/otel\"\nfunc Setup() { otel.SetTracerProvider(nil) }\n", true},
		{"package a\nimport \"go.opentelemetry.io/otel\"\nvar T = otel.Tracer(\"a\")\n", false},
	} {
		name := filepath.Join(dir, "a.go")
		if err := os.WriteFile(name, []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := setsGlobals(&packages.Package{CompiledGoFiles: []string{name}}); got != c.want {
			t.Errorf("setsGlobals(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}
