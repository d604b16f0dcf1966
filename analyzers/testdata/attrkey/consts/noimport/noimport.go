// Package noimport uses another module's key without importing attribute.
package noimport

import (
	"net/http"

	"go.opentelemetry.io/otel/trace"

	"example.com/telemetry/semkeys"
)

func use(span trace.Span, r *http.Request) {
	span.SetAttributes(semkeys.Method.String(r.Method)) // want `attribute key "http.method" is deprecated`
}
