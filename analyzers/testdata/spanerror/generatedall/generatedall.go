// Package generatedall is checked with -spanerror.generated=all: every
// generated file is checked, whatever its generator, and the finding names
// the generator.
package generatedall

import "context"

// Store is what the generated code calls.
type Store interface {
	Get(ctx context.Context, id string) (string, error)
}
