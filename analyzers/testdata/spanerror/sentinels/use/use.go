// Package use returns another package's sentinels. That package was read,
// so its facts decide: a sentinel named as an outcome whose initialiser
// says failure carries failingSentinel and is not taken for an outcome by
// its name, as the sentinel of a package without facts would be.
package use

import (
	"context"

	"go.opentelemetry.io/otel"

	"example.com/testdata/spanerror/sentinels"
)

var tracer = otel.Tracer("use")

func find(ctx context.Context, id string) error {
	_, span := tracer.Start(ctx, "find")
	defer span.End()
	switch id {
	case "":
		return sentinels.ErrUserNotFound // expected: its fact
	case "-":
		return sentinels.ErrNotFoundStatus // want `error returned while span "find" is live`
	}
	return nil
}
