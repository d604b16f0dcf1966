package fix

import (
	oldconv "go.opentelemetry.io/otel/semconv/v1.21.0"
	"go.opentelemetry.io/otel/trace"
)

// This file imports neither the attribute package nor a semconv package
// with the new key: no fix can name it, so none is offered.
func noFix(span trace.Span, q string) {
	span.SetAttributes(oldconv.DBStatementKey.String(q)) // want `attribute key "db.statement" is deprecated`
}
