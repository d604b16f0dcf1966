package negative

import (
	"context"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// Tests put made-up data on the spans of test providers: not checked.
func TestProfile(t *testing.T) {
	span := trace.SpanFromContext(context.Background())
	span.SetAttributes(attribute.String("user.email", t.Name()+"@example.com"))
}
