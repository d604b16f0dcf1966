// Package options is checked with -sensitiveattr.names=national_id:personal,pin:
// the names added match like the built-in ones, on word boundaries and in
// any spelling.
package options

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

type Citizen struct {
	NationalID string
	PIN        string
	PinnedAt   string
}

func record(ctx context.Context, c Citizen) {
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(attribute.String("citizen", c.NationalID))  // want `attribute "citizen" carries "national_id" data from c.NationalID \(personal data on spans`
	span.SetAttributes(attribute.String("card.pin", c.PIN))        // want `attribute "card.pin" carries "pin" data from c.PIN \(credentials on spans`
	span.SetAttributes(attribute.String("pinned", c.PinnedAt))     // silent: another word
	span.SetAttributes(attribute.String("user.email", c.PinnedAt)) // want `attribute "user.email" carries an e-mail address from c.PinnedAt`
}
