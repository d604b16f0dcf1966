// Command crossset installs the provider itself; a library it links sets
// the propagator in its init: silent.
package main

import (
	"net/http"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/testdata/propagator/lib/httpx"
	_ "example.com/testdata/propagator/lib/propset"
)

func main() {
	otel.SetTracerProvider(sdktrace.NewTracerProvider())
	http.ListenAndServe(":8080", httpx.Handler(http.NotFoundHandler()))
}
