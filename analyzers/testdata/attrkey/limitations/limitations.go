// Package limitations holds the known misses of attrkey.
package limitations

import (
	"net/http"

	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.21.0"
	"go.opentelemetry.io/otel/trace"
)

func misses(span trace.Span, r *http.Request) {
	// false negative: a key held in a variable is not followed, even when
	// only a constant is ever assigned to it.
	k := "http.method"
	span.SetAttributes(attribute.String(k, r.Method))

	// false negative: a deprecated enum value held in a semconv variable
	// (a KeyValue built at package initialisation) is not seen.
	span.SetAttributes(semconv.CloudPlatformAzureVM)
}
