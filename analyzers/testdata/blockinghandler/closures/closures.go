// Package closures: function literals that the handler runs before it
// answers are part of the handler.
package closures

import (
	"database/sql"
	"net/http"
	"time"

	"golang.org/x/sync/errgroup"
)

var db *sql.DB

func withRetry(f func() error) error {
	for range 3 {
		if f() == nil {
			return nil
		}
	}
	return nil
}

func fanOut(w http.ResponseWriter, r *http.Request) {
	var g errgroup.Group
	g.Go(func() error {
		_, err := db.Exec("UPDATE a SET n = 1") // want `\(\*sql.DB\).Exec in HTTP handler "fanOut" ignores the request context`
		return err
	})
	g.Wait()
	defer func() {
		time.Sleep(time.Millisecond) // want `time.Sleep in HTTP handler "fanOut"`
	}()
	withRetry(func() error {
		_, err := db.Exec("UPDATE b SET n = 1") // want `\(\*sql.DB\).Exec in HTTP handler "fanOut"`
		return err
	})
	func() {
		db.Ping() // want `\(\*sql.DB\).Ping in HTTP handler "fanOut"`
	}()
}
