// Command cross installs the provider through a library and propagates
// through another: reported at main's call into the library.
package main

import (
	"context"
	"net/http"

	"example.com/testdata/propagator/lib/httpx"
	"example.com/testdata/propagator/lib/telemetry"
)

func main() {
	tp := telemetry.Setup() // want `telemetry.Setup installs a tracer provider but the program sets no text-map propagator \(the global propagator is a no-op: instrumentation such as otelhttp and otelgrpc neither reads nor sends traceparent, so every service starts its own trace; call otel.SetTextMapPropagator\)`
	defer tp.Shutdown(context.Background())
	http.ListenAndServe(":8080", httpx.Handler(http.NotFoundHandler()))
}
