// want package:"propagates"

// Package httpx serves HTTP with otelhttp, which extracts trace context
// with the global propagator.
package httpx

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func Handler(h http.Handler) http.Handler { return otelhttp.NewHandler(h, "server") }
