// Package store blocks without a context in some functions; facts carry
// that to the handlers in package app.
package store

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

type Store struct{ db *sql.DB }

func (s *Store) Load(id string) string { // want Load:"blocks\\(\\(\\*sql.DB\\).QueryRow\\)"
	return s.load(id)
}

func (s *Store) load(id string) string { // want load:"blocks\\(\\(\\*sql.DB\\).QueryRow\\)"
	var name string
	s.db.QueryRow("SELECT name FROM users WHERE id = ?", id).Scan(&name)
	return name
}

func (s *Store) LoadContext(ctx context.Context, id string) string {
	var name string
	s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ?", id).Scan(&name)
	return name
}

func Pause() { time.Sleep(time.Second) } // want Pause:"blocks\\(time.Sleep\\)"

func Countdown(n int) { // want Countdown:"blocks\\(time.Sleep\\)"
	if n > 0 {
		Countdown(n - 1)
		return
	}
	Pause()
}

func Fetch(u string) { // want Fetch:"blocks\\(http.Get\\)"
	http.Get(u)
}

// Spawn detaches the blocking work: calling it does not block.
func Spawn() { go Pause() }

// Cached only blocks in a function literal it runs.
func Cached() func() { // want Cached:"blocks\\(time.Sleep\\)"
	var once func()
	once = func() { time.Sleep(time.Millisecond) }
	once()
	return once
}
