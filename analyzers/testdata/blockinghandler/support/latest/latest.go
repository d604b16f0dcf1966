// Package latest serves the latest release: a production package whose
// name ends in "test" as an English word, so its handlers are checked.
package latest

import (
	"database/sql"
	"net/http"
)

var db *sql.DB

func release(w http.ResponseWriter, r *http.Request) {
	row := db.QueryRow("SELECT version FROM releases ORDER BY created DESC LIMIT 1") // want `\(\*sql.DB\).QueryRow in HTTP handler "release" ignores the request context`
	var v string
	_ = row.Scan(&v)
	w.Write([]byte(v))
}
