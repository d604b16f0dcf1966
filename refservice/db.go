package refservice

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/XSAM/otelsql"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
	_ "modernc.org/sqlite" // pure-Go SQLite driver: no cgo, no server process
)

// ErrNotFound is returned when a user does not exist.
var ErrNotFound = errors.New("user not found")

// User is a row of the users table.
type User struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// OpenDB opens the SQLite database at dsn (":memory:" for a private
// in-memory one) through otelsql, so every query is a child span of the
// request that runs it, and creates the schema.
func OpenDB(ctx context.Context, dsn string, tp trace.TracerProvider) (*sql.DB, error) {
	db, err := otelsql.Open("sqlite", dsn,
		otelsql.WithTracerProvider(tp),
		otelsql.WithAttributes(semconv.DBSystemNameSQLite),
		otelsql.WithSpanOptions(otelsql.SpanOptions{
			OmitConnResetSession: true,
			OmitConnectorConnect: true,
			OmitRows:             true,
		}),
	)
	if err != nil {
		return nil, err
	}
	// One connection: an in-memory SQLite database lives per connection.
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS users (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		name TEXT NOT NULL,
		email TEXT NOT NULL UNIQUE
	)`); err != nil {
		db.Close()
		return nil, fmt.Errorf("create schema: %w", err)
	}
	// Parameters, never literals: db.query.text records the statement, and
	// personal data does not belong in telemetry.
	if _, err := db.ExecContext(ctx, `INSERT OR IGNORE INTO users (id, name, email) VALUES (?, ?, ?)`,
		1, "Ada Lovelace", "ada@example.com"); err != nil {
		db.Close()
		return nil, fmt.Errorf("seed: %w", err)
	}
	return db, nil
}

// Store reads and writes users. Every method takes the request's context,
// so its query spans join the request's trace.
type Store struct {
	DB *sql.DB
}

// User returns the user with the given id, or ErrNotFound.
func (s *Store) User(ctx context.Context, id int64) (User, error) {
	var u User
	err := s.DB.QueryRowContext(ctx, `SELECT id, name, email FROM users WHERE id = ?`, id).
		Scan(&u.ID, &u.Name, &u.Email)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, ErrNotFound
	}
	return u, err
}

// Insert adds a user and returns it with its new id.
func (s *Store) Insert(ctx context.Context, name, email string) (User, error) {
	res, err := s.DB.ExecContext(ctx, `INSERT INTO users (name, email) VALUES (?, ?)`, name, email)
	if err != nil {
		return User{}, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return User{}, err
	}
	return User{ID: id, Name: name, Email: email}, nil
}
