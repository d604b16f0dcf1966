package negative

import (
	"net/http"

	oldconv "go.opentelemetry.io/otel/semconv/v1.21.0"
	"go.opentelemetry.io/otel/trace"
)

// Current keys from an old semconv package are fine.
func oldCurrent(span trace.Span, r *http.Request) {
	span.SetAttributes(oldconv.HTTPRoute(r.Pattern), oldconv.HTTPRequestMethodKey.String(r.Method))
}
