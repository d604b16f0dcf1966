// Package dropped covers spans that are never bound to a variable.
package dropped

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("dropped")

func work(context.Context) error { return nil }

func blank(ctx context.Context) error {
	ctx, _ = tracer.Start(ctx, "blank") // want `span "blank" is dropped with _ and never ended \(spans are lost or leak memory\)`
	return work(ctx)
}

func blankDefine(ctx context.Context) {
	_, _ = tracer.Start(ctx, "both") // want `span "both" is dropped with _ and never ended`
}

func discarded(ctx context.Context) {
	tracer.Start(ctx, "discarded") // want `span "discarded" is discarded and never ended`
}
