// Package generated covers generated files: a tracing wrapper's (gowrap)
// is checked by default, and its finding names the template to fix; other
// generated files are not checked.
package generated

import "context"

// Store is the interface the wrapper decorates.
type Store interface {
	Login(ctx context.Context, user, password string) error
}
