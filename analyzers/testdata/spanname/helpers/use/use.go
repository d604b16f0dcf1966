// Package use calls the helpers of package tel: a constant name is fine,
// an unbounded one is reported at the call.
package use

import (
	"context"
	"net/http"

	"example.com/testdata/spanname/helpers/tel"
)

func handle(w http.ResponseWriter, r *http.Request) {
	ctx, span := tel.Start(r.Context(), "handle")
	defer span.End()
	_, span2 := tel.Start(ctx, r.URL.Path) // want `^span name passed to Start is built from r\.URL\.Path, which has unbounded values`
	defer span2.End()
	tel.Rename(ctx, r.Method+" "+r.Pattern)
	tel.Rename(ctx, r.RequestURI) // want `span name passed to Rename is built from r\.RequestURI, `
}

func load(ctx context.Context, userID string) error {
	if err := tel.Traced(ctx, "select", nil); err != nil {
		return err
	}
	if err := tel.Query(ctx, "users", "select"); err != nil {
		return err
	}
	return tel.Traced(ctx, "select "+userID, nil) // want `span name passed to Traced is built from userID, `
}

// forward passes its own parameter on: it gets the fact, and its callers
// are checked in turn.
func forward(ctx context.Context, op string) error { // want forward:"namesSpan\\(1\\)"
	return tel.Query(ctx, "accounts", op)
}

func callForward(ctx context.Context, r *http.Request) error {
	if err := forward(ctx, "update"); err != nil {
		return err
	}
	return forward(ctx, r.URL.Path) // want `span name passed to forward is built from r\.URL\.Path, `
}
