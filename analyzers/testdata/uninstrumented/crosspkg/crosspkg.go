// Package crosspkg traces through its own helper package and imports no
// OTel package: only the helper's facts (it starts spans) show that the
// package has a trace to continue. Under Bazel nogo the helper package may
// be one whose facts nogo only collects, where the rule must still run.
package crosspkg

import (
	"context"
	"net/http"

	"example.com/testdata/uninstrumented/crosspkg/tel"
)

func quote(ctx context.Context, u string) error {
	ctx, span := tel.Start(ctx, "quote")
	defer span.End()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http\.DefaultClient\.Do sends the request without trace context`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
