// Package peers holds the false positives reported against noctx, the
// peer linter that flags context-free HTTP calls anywhere, as they would
// look in a handler. None is a finding here.
package peers

import (
	"context"
	"net/http"
)

type key struct{}

// sonatard/noctx#10: the request gets a context through WithContext,
// derived from its own.
func withValue(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest("POST", "http://backend/", nil)
	req = req.WithContext(context.WithValue(r.Context(), key{}, 0))
	http.DefaultClient.Do(req)
}

// sonatard/noctx#7: a helper builds the request and returns it; the
// handler gives it the request's context before sending it.
type api struct{ client *http.Client }

func (a *api) newRequest(method, path string) (*http.Request, error) {
	req, err := http.NewRequest(method, "http://backend"+path, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth("u", "p")
	return req, nil
}

func newRequestDirect(path string) (*http.Request, error) {
	return http.NewRequest("GET", "http://backend"+path, nil)
}

func (a *api) upload(w http.ResponseWriter, r *http.Request) {
	req, err := a.newRequest("POST", "/upload")
	if err != nil {
		return
	}
	a.client.Do(req.WithContext(r.Context()))
	req2, _ := newRequestDirect("/status")
	a.client.Do(req2.WithContext(r.Context()))
}
