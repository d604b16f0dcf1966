// Package testutil is a test-support package: its fixtures put made-up
// personal data on the spans of test providers, and are not checked.
package testutil

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func RecordFakeUser(ctx context.Context, name string) {
	email := fmt.Sprintf("%s@example.com", name)
	trace.SpanFromContext(ctx).SetAttributes(attribute.String("user.email", email))
}
