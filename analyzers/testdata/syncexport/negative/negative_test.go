package negative

import (
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// A test exports synchronously to see its spans at once.
func TestSync(t *testing.T) {
	_ = sdktrace.NewTracerProvider(sdktrace.WithSyncer(collector{}))
}

func helper() sdktrace.SpanProcessor {
	return sdktrace.NewSimpleSpanProcessor(collector{})
}
