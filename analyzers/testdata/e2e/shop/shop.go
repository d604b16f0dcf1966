// Package shop is a small instrumented service with known tracing mistakes,
// used by the end-to-end tests of the otellint binary.
package shop

import (
	"context"
	"errors"

	"example.com/testdata/e2e/tel"
)

var errEmpty = errors.New("empty cart")

// Checkout ends its span through the helper: no finding.
func Checkout(ctx context.Context, items []string) (err error) {
	ctx, span := tel.Start(ctx, "checkout")
	defer tel.End(span, &err)
	return charge(ctx, len(items))
}

func charge(ctx context.Context, n int) error {
	_, span := tel.Start(ctx, "charge")
	if n == 0 {
		return errEmpty
	}
	span.End()
	return nil
}

// Restock leaks every span but the last.
func Restock(ctx context.Context, skus []string) {
	for _, sku := range skus {
		_, span := tel.Start(ctx, "restock")
		defer span.End()
		_ = sku
	}
}

// Audit never ends its span: the fix adds defer span.End().
func Audit(ctx context.Context) error {
	ctx, span := tel.Start(ctx, "audit")
	span.AddEvent("audit")
	return errors.Join(ctx.Err(), errEmpty)
}

// Legacy keeps a suppressed finding.
func Legacy(ctx context.Context) {
	//otellint:ignore spanend -- ended by the legacy framework's registry
	_, span := tel.Start(ctx, "legacy")
	span.AddEvent("legacy")
}
