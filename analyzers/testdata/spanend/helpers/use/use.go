// Package use calls the helpers of package tel across a package boundary.
package use

import (
	"context"

	"example.com/testdata/spanend/helpers/tel"
)

func leaks(ctx context.Context) {
	_, span := tel.Start(ctx, "wrapped") // want `span "wrapped" is not ended on all paths`
	tel.Annotate(span, "annotated, not ended")
}

func leaksNamed(ctx context.Context) {
	_, span := tel.StartNamed(ctx, "named") // want `span "named" is not ended on all paths`
	_ = span
}

// Silent: defer tel.End(span, &err) ends the span (facts, no configuration).
func ended(ctx context.Context) (err error) {
	ctx, span := tel.Start(ctx, "ended")
	defer tel.End(span, &err)
	_ = ctx
	return nil
}

// Silent: a helper of a helper ends it.
func finished(ctx context.Context) error {
	_, span := tel.Start(ctx, "finished")
	var err error
	tel.Finish(err, span)
	return err
}
