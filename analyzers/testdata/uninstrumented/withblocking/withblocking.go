// Package withblocking is a handler whose backend call is both
// context-free (blockinghandler) and uninstrumented (uninstrumented):
// two findings, and the fixes of both rules applied together compile.
package withblocking

import (
	"context"
	"io"
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("withblocking")

func quote(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get("http://backend/quote") // want `\(\*http\.Client\)\.Get in HTTP handler "quote" ignores the request context` `c\.Get sends the request through an http\.Client whose Transport is not otelhttp\.NewTransport`
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func legacy(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://backend/legacy") // want `http\.Get in HTTP handler "legacy" ignores the request context` `http\.Get sends the request without trace context`
	if err != nil {
		return
	}
	resp.Body.Close()
}

// traced makes the package one that traces: its outbound calls continue
// a trace.
func traced(ctx context.Context) {
	_, span := tracer.Start(ctx, "traced")
	defer span.End()
}
