package fixsafety

import "context"

func child(ctx context.Context) {
	_, span := t.Start(ctx, "child")
	defer span.End()
}

// Rebind starts a span in an inner block and passes the outer context on:
// binding the returned context to ctx inside the block leaves it unused.
func Rebind(ctx context.Context, ok bool) {
	if ok {
		_, span := t.Start(ctx, "a")
		defer span.End()
	}
	child(ctx)
}
