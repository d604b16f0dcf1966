package negative

import (
	"testing"

	"go.opentelemetry.io/otel/attribute"
)

// Tests assert on the keys the code under test emits: not checked.
func TestKeys(t *testing.T) {
	want := attribute.String("http.method", "GET")
	_ = want
}
