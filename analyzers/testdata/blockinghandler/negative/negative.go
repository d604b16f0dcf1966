// Package negative holds idioms the rule must leave alone.
package negative

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"os/exec"
	"time"
)

var (
	db  *sql.DB
	srv *http.Server
)

// Set-up and background work run outside any request.
func init() {
	db.Ping()
	time.Sleep(time.Millisecond)
}

func worker(ctx context.Context) {
	for {
		db.Exec("DELETE FROM sessions WHERE expired")
		time.Sleep(time.Minute)
	}
}

func newStore() *sql.Stmt { // want newStore:"blocks\\(\\(\\*sql.DB\\).Prepare\\)"
	st, _ := db.Prepare("SELECT 1")
	return st
}

// Work the handler detaches on purpose.
func detached(w http.ResponseWriter, r *http.Request) {
	go func() {
		time.Sleep(time.Second)
		db.Exec("INSERT INTO audit VALUES (1)")
	}()
	go audit()
	time.AfterFunc(time.Second, func() { db.Exec("DELETE FROM t") })
	stop := context.AfterFunc(r.Context(), func() { time.Sleep(time.Second) })
	defer stop()
	srv.RegisterOnShutdown(func() { db.Exec("DELETE FROM sessions") })
	w.WriteHeader(http.StatusAccepted)
}

func audit() { time.Sleep(time.Second) } // want audit:"blocks\\(time.Sleep\\)"

// Waiting that also waits on the request.
func waits(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	select {
	case <-time.After(time.Second):
	case <-ctx.Done():
		return
	}
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
		case <-ctx.Done():
			return
		}
	}
}

// A retry loop whose back-off stops when the request is gone.
func retries(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	for attempt := 0; attempt < 3; attempt++ {
		if ctx.Err() != nil {
			return
		}
		if _, err := db.ExecContext(ctx, "UPDATE t SET n = n + 1"); err == nil {
			break
		}
		time.Sleep(time.Duration(attempt) * 100 * time.Millisecond)
	}
	for i := 0; i < 3 && r.Context().Err() == nil; i++ {
		<-time.After(time.Millisecond)
	}
	for range 3 {
		select {
		case <-ctx.Done():
			return
		default:
		}
		time.Sleep(time.Millisecond)
	}
}

// A request that gets its context after it is built.
func laterContext(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest("GET", "http://backend/", nil)
	req = req.WithContext(r.Context())
	http.DefaultClient.Do(req)

	var base *http.Request
	base, _ = http.NewRequest("GET", "http://backend/", nil)
	http.DefaultClient.Do(base.Clone(r.Context()))
}

// A helper that takes the context: whether it uses it is its own business.
func load(ctx context.Context, id string) {
	db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ?", id)
}

func usesHelper(w http.ResponseWriter, r *http.Request) {
	load(r.Context(), r.PathValue("id"))
	buildCmd("true").Run() // the table does not follow commands built elsewhere
	log.Printf("served %s", r.URL.Path)
}

func buildCmd(name string) *exec.Cmd { return exec.Command(name) }

// Calls through interfaces and function values are beyond the rule.
type sleeper interface{ Sleep() }

func indirect(w http.ResponseWriter, r *http.Request, s sleeper, f func(time.Duration)) {
	s.Sleep()
	f(time.Second)
}

// A suppressed finding, with its reason.
func suppressed(w http.ResponseWriter, r *http.Request) {
	//otellint:ignore blockinghandler -- the delay is the point of this debug endpoint
	time.Sleep(time.Second)
}
