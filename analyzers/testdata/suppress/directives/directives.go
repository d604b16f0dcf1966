// Package directives covers the directive check: each malformed
// //otellint:ignore is reported once, whatever rules run.
package directives

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("directives")

// Silent: well-formed directives.
func fine(ctx context.Context) {
	//otellint:ignore spanend -- ended by the framework after the handler returns
	_, span := tracer.Start(ctx, "fine")
	_ = span
	_, other := tracer.Start(ctx, "other") //otellint:ignore spanend,spanerror -- ended by the caller through the registry
	_ = other
}

func typo(ctx context.Context) {
	//otellint:ignore spanedn -- typo // want `otellint:ignore directive names unknown rule "spanedn" \(it suppresses nothing; did you mean spanend\?\)`
	_, span := tracer.Start(ctx, "typo")
	_ = span
}

func unknownInList(ctx context.Context) {
	//otellint:ignore nosuch,spanend -- x // want `otellint:ignore directive names unknown rule "nosuch" \(it suppresses nothing; rules: spanend, spanerror, goctx, spanctx, blockinghandler[a-z, ]*\)`
	_, span := tracer.Start(ctx, "unknown")
	_ = span
}

func noRule(ctx context.Context) {
	//otellint:ignore -- because // want `^otellint:ignore directive names no rule \(write //otellint:ignore <rule> -- <reason>\)$`
	_, span := tracer.Start(ctx, "norule")
	defer span.End()
}

func spaceSeparated(ctx context.Context) {
	//otellint:ignore spanctx spanend -- x // want `otellint:ignore directive separates its rules with a space: it applies to spanctx only, not to spanend \(write spanctx,spanend\)`
	_, span := tracer.Start(ctx, "space")
	_ = span
}

func noReason(ctx context.Context) {
	//otellint:ignore spanend // want `otellint:ignore directive has no reason`
	_, span := tracer.Start(ctx, "noreason")
	_ = span
}

// A reason without its "--" is a missing reason, not a list of rules.
func reasonWithoutDashes(ctx context.Context) {
	//otellint:ignore spanend ended by the framework // want `otellint:ignore directive has no reason`
	_, span := tracer.Start(ctx, "nodashes")
	_ = span
}

func wordsBeforeDashes(ctx context.Context) {
	//otellint:ignore spanend because -- the framework ends it // want `otellint:ignore directive has "because" between its rules and "--", which it ignores`
	_, span := tracer.Start(ctx, "words")
	_ = span
}

// Silent: not a directive.
func notADirective(ctx context.Context) {
	//otellint:ignorefoo spanedn
	_, span := tracer.Start(ctx, "not")
	defer span.End()
}
