// Package traced wraps its routes in otelhttp: its functions earn no fact,
// and a program serving them is not reported.
package traced

import (
	"io"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// Routes returns the instrumented routes.
func Routes() http.Handler { // want Routes:`instrumentsServer`
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello", Hello)
	return otelhttp.NewHandler(mux, "traced")
}

// Hello is a request handler of a package that instruments a server: it
// may start server spans of its own.
func Hello(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hello") }

// Register registers an instrumented handler on mux.
func Register(mux *http.ServeMux) { // want Register:`instrumentsServer`
	mux.Handle("GET /traced", otelhttp.NewHandler(http.HandlerFunc(Hello), "traced"))
}
