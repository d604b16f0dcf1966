// Command noinstr traces only itself (a batch job): it links no
// instrumentation that propagates, so the global propagator is never
// used: silent.
package main

import (
	"context"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	_, span := otel.Tracer("job").Start(context.Background(), "run")
	span.End()
	tp.Shutdown(context.Background())
}
