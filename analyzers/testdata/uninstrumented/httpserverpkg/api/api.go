// Package api builds a handler tree that nothing instruments: it imports
// no OTel instrumentation and starts no span. Its functions carry facts
// that let a program serving its handlers see the whole tree.
package api

import (
	"io"
	"net/http"
)

// Routes returns the service's mux.
func Routes() *http.ServeMux { // want Routes:`plainHandler\(returns\)`
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello", Hello)
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServer(http.Dir("static"))))
	Register(mux)
	return mux
}

// Register adds the admin routes to mux.
func Register(mux *http.ServeMux) { // want Register:`plainHandler\(params\[0\]\)`
	mux.HandleFunc("GET /admin", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "admin") })
}

// Hello is a request handler.
func Hello(w http.ResponseWriter, r *http.Request) { // want Hello:`plainHandler\(serves\)`
	io.WriteString(w, "hello")
}

// Logging is a middleware: what it returns is as instrumented as next.
func Logging(next http.Handler) http.Handler { // want Logging:`plainHandler\(wraps\[0\]\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
	})
}

// New returns the handler and an error, nil on the error path.
func New(static string) (http.Handler, error) { // want New:`plainHandler\(returns\)`
	if static == "" {
		return nil, io.EOF
	}
	return Logging(Routes()), nil
}

// Server has a method that builds the routes.
type Server struct{ greeting string }

// Handler returns the server's routes.
func (s *Server) Handler() http.Handler { // want Handler:`plainHandler\(returns\)`
	mux := http.NewServeMux()
	mux.HandleFunc("GET /greet", s.greet)
	return mux
}

func (s *Server) greet(w http.ResponseWriter, r *http.Request) { io.WriteString(w, s.greeting) }

// From returns the handler it is given: as plain as that one.
func From(h http.Handler) http.Handler { return h } // want From:`plainHandler\(wraps\[0\]\)`

var current http.Handler

// Current returns a package variable: it may hold anything.
func Current() http.Handler { return current }

// Delegate serves another handler: it is not plain.
func Delegate(w http.ResponseWriter, r *http.Request) { http.DefaultServeMux.ServeHTTP(w, r) }
