package negative

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// A test backend that simulates latency: tests serve no real clients.
func TestSlowBackend(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(10 * time.Millisecond)
	}))
	defer srv.Close()
	http.Get(srv.URL)
}
