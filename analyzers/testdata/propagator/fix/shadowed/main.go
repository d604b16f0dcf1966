// Command shadowed has a local variable named propagation where the fix
// would go: no fix is offered (the golden is the source unchanged).
package main

import (
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	_ "example.com/testdata/propagator/lib/httpx"
)

func main() {
	propagation := "w3c"
	otel.SetTracerProvider(sdktrace.NewTracerProvider()) // want `the program installs a tracer provider but sets no text-map propagator`
	println(propagation)
}
