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

// Load blocks two calls down: beyond the default depth.
func (s *Store) Load(id string) string {
	return s.load(id)
}

func (s *Store) load(id string) string { // want load:"blocks\\(\\(\\*sql.DB\\).QueryRow\\)"
	var name string
	s.db.QueryRow("SELECT name FROM users WHERE id = ?", id).Scan(&name)
	return name
}

// Find blocks itself.
func (s *Store) Find(id string) *sql.Row { // want Find:"blocks\\(\\(\\*sql.DB\\).QueryRow\\)"
	return s.db.QueryRow("SELECT name FROM users WHERE id = ?", id)
}

func (s *Store) LoadContext(ctx context.Context, id string) string {
	var name string
	s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ?", id).Scan(&name)
	return name
}

func Pause() { time.Sleep(time.Second) } // want Pause:"blocks\\(time.Sleep\\)"

func Fetch(u string) { // want Fetch:"blocks\\(http.Get\\)"
	http.Get(u)
}

// Spawn detaches the blocking work: calling it does not block.
func Spawn() { go Pause() }

// Cached blocks in a function literal it runs.
func Cached() func() { // want Cached:"blocks\\(time.Sleep\\)"
	var once func()
	once = func() { time.Sleep(time.Millisecond) }
	once()
	return once
}

// Go runs f in a goroutine of its own: the work passed to it is detached.
func Go(f func()) { // want Go:"spawns\\[0\\]"
	go func() {
		defer recover()
		f()
	}()
}

// Ready polls until the server is up or d has passed, sleeping only for
// long waits. A handler that asks with d = 1ms never sleeps, which no
// type can tell: found in nats-server (healthz -> readyForConnections),
// the reason the default depth is 1.
func Ready(d time.Duration) bool {
	return poll(d)
}

func poll(d time.Duration) bool { // want poll:"blocks\\(time.Sleep\\)"
	for end := time.Now().Add(d); time.Now().Before(end); {
		if d > 25*time.Millisecond {
			time.Sleep(25 * time.Millisecond)
		}
	}
	return true
}
