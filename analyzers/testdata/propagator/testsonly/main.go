// Command testsonly installs a provider only in its tests (main_test.go)
// and in a test helper: silent.
package main

import (
	"net/http"
	"testing"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/testdata/propagator/lib/httpx"
)

func installForTest(tb testing.TB) {
	otel.SetTracerProvider(sdktrace.NewTracerProvider())
}

func main() {
	http.ListenAndServe(":8080", httpx.Handler(http.NotFoundHandler()))
}
