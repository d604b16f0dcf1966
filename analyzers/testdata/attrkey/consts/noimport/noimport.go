// Package noimport uses a library's key without importing attribute.
package noimport

import (
	"net/http"

	"go.opentelemetry.io/otel/trace"

	"example.com/testdata/attrkey/consts/keys"
)

func use(span trace.Span, r *http.Request) {
	span.SetAttributes(keys.Method.String(r.Method)) // want `attribute key "http.method" is deprecated`
}
