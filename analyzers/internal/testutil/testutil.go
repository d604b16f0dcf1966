// Package testutil locates the testdata module shared by the rule tests.
package testutil

import (
	"path/filepath"
	"runtime"
)

// Dir returns the absolute path of analyzers/testdata, the Go module that
// vendors the real OpenTelemetry API for the rule tests.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}
