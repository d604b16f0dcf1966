// Package routes builds the routers of a service; another package wraps
// them.
package routes

import "net/http"

func healthz(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }

// Routes returns the service's router, probes included.
func Routes() *http.ServeMux { // want Routes:`probes\(/healthz; returns\)`
	mux := http.NewServeMux()
	RegisterProbes(mux)
	mux.HandleFunc("/orders", healthz)
	return mux
}

// RegisterProbes adds the probe routes to mux.
func RegisterProbes(mux *http.ServeMux) { // want RegisterProbes:`probes\(/healthz; params\[0\]\)`
	mux.HandleFunc("GET /healthz", healthz)
}

// API returns a router without probes.
func API() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", healthz)
	return mux
}

// App holds the service's handlers.
type App struct{}

// Mux routes to the handlers and the probes.
func (a *App) Mux() *http.ServeMux { // want Mux:`probes\(/healthz /readyz; returns\)`
	mux := http.NewServeMux()
	mux.HandleFunc("GET /readyz", healthz)
	RegisterProbes(mux)
	return mux
}
