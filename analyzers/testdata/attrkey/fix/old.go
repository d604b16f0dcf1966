package fix

import (
	"go.opentelemetry.io/otel/attribute"
	oldconv "go.opentelemetry.io/otel/semconv/v1.21.0"
	"go.opentelemetry.io/otel/trace"
)

// This file imports only the old package: the new key becomes a literal,
// through attribute.Key where the constant is a receiver.
func oldOnly(span trace.Span, q string) {
	span.SetAttributes(
		oldconv.DBStatementKey.String(q), // want `attribute key "db.statement" is deprecated by the semantic conventions; use "db.query.text"`
		oldconv.DBStatement(q),           // want `attribute key "db.statement" is deprecated`
		attribute.KeyValue{Key: oldconv.DBStatementKey, Value: attribute.StringValue(q)}, // want `attribute key "db.statement" is deprecated`
	)
}

// The old package has the new key too: its constant is the fix.
func samePackage(span trace.Span) {
	span.SetAttributes(oldconv.HTTPMethodKey.String("GET")) // want `attribute key "http.method" is deprecated by the semantic conventions; use "http.request.method"`
}

var _ = oldconv.SchemaURL
