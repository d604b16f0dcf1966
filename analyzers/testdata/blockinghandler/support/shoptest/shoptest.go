// Package shoptest is a fake shop backend for other packages' tests, in
// the shape of net/http/httptest helpers: its handlers add latency and read
// a fixture database. Silent: the package is test support by its name.
package shoptest

import (
	"database/sql"
	"net/http"
	"net/http/httptest"
	"time"
)

// Backend serves canned answers.
type Backend struct {
	DB      *sql.DB
	Latency time.Duration
}

// Start starts the fake on a local port.
func (b *Backend) Start() *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/items", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(b.Latency)
		row := b.DB.QueryRow("SELECT name FROM fixtures WHERE id = ?", r.URL.Query().Get("id"))
		var name string
		_ = row.Scan(&name)
		w.Write([]byte(name))
	})
	mux.Handle("/slow", b)
	return httptest.NewServer(mux)
}

func (b *Backend) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	time.Sleep(10 * time.Second)
	w.WriteHeader(http.StatusGatewayTimeout)
}
