// Package route is a service of an example application: its pauses stand
// for the work a real service would do (the point of the demo), so they are
// not reported, directly or through the delay helper; the I/O it does
// without the request's context is what users copy, so it is.
package route

import (
	"database/sql"
	"net/http"
	"time"

	"example.com/testdata/blockinghandler/examples/hotrod/delay"
)

var db *sql.DB

// Route computes a route: it takes as long as a real routing engine.
func Route(w http.ResponseWriter, r *http.Request) {
	delay.Sleep(50*time.Millisecond, 10*time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	<-time.After(time.Millisecond)
	row := db.QueryRow("SELECT eta FROM routes WHERE id = ?", r.URL.Query().Get("id")) // want `\(\*sql.DB\).QueryRow in HTTP handler "Route" ignores the request context`
	var eta string
	_ = row.Scan(&eta)
	w.Write([]byte(eta))
}

// Serve serves the demo.
func Serve() {
	http.HandleFunc("/route", Route)
	http.HandleFunc("/dispatch", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(time.Second)                              // simulated dispatch
		resp, err := http.Get("http://localhost:8083/route") // want `http.Get in HTTP handler`
		if err == nil {
			resp.Body.Close()
		}
	})
	http.ListenAndServe(":8080", nil)
}
