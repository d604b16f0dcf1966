// Package suppress covers //otellint:ignore directives.
package suppress

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("suppress")

// Silent: suppressed on the line above, with a reason.
func lineAbove(ctx context.Context) {
	//otellint:ignore spanend -- ended by the framework after the handler returns
	_, span := tracer.Start(ctx, "above")
	_ = span
}

// Silent: suppressed on the reported line.
func sameLine(ctx context.Context) {
	_, span := tracer.Start(ctx, "same") //otellint:ignore spanend,goctx -- ended by the caller through the registry
	_ = span
}

// Silent here: a directive without a reason still suppresses; the
// directive check (analyzers.Directives) reports the missing reason, once.
func noReason(ctx context.Context) {
	//otellint:ignore spanend
	_, span := tracer.Start(ctx, "noreason")
	_ = span
}

func stale(ctx context.Context) {
	//otellint:ignore spanend -- was leaking once // want `otellint:ignore directive suppresses no spanend finding`
	_, span := tracer.Start(ctx, "fine")
	defer span.End()
}

func wrongRule(ctx context.Context) {
	//otellint:ignore spanerror -- not this rule
	_, span := tracer.Start(ctx, "wrong") // want `span "wrong" is not ended on all paths`
	_ = span
}
