// Package fix covers the suggested fix: a constant prefix and one variable
// become a constant name and an attribute. This file imports neither trace
// nor attribute: the fix adds them, and drops strconv with its last use.
package fix

import (
	"context"
	"strconv"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("fix")

func getAccount(ctx context.Context, id string) {
	_, span := tracer.Start(ctx, "get_account/"+id) // want `span name is built from id, `
	defer span.End()
}

func order(ctx context.Context, n int) {
	_, span := tracer.Start(ctx, "order-"+strconv.Itoa(n)) // want `span name is built from n, `
	defer span.End()
}

// Two names from one variable in one function: each gets its fix.
func twice(ctx context.Context, ids []string) {
	for _, id := range ids {
		_, s1 := tracer.Start(ctx, "load/"+id) // want `span name is built from id, `
		s1.End()
		_, s2 := tracer.Start(ctx, "store/"+id) // want `span name is built from id, `
		s2.End()
	}
}
