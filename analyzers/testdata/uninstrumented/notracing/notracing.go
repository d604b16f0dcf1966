// Package notracing imports no OTel package: it traces nothing, and its
// requests continue no trace.
package notracing

import (
	"context"
	"net/http"
)

func fetch(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func handler(w http.ResponseWriter, r *http.Request) { http.Get("http://backend/") }
