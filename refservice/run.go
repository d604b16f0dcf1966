package refservice

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"
)

// RunConfig configures Run.
type RunConfig struct {
	Addr       string // listen address, e.g. ":8080"
	DSN        string // SQLite data source, e.g. ":memory:" or "file:users.db"
	BackendURL string // what GET /proxy calls; empty means this service's own "/"
	// Ready, if set, receives the bound address once the server listens.
	Ready func(addr net.Addr)
}

// Run starts telemetry, the database and the HTTP server, and serves until
// ctx is cancelled (main cancels it on SIGINT or SIGTERM). Then it stops
// accepting connections, drains in-flight requests, and only then shuts the
// tracer provider down, so that every finished span is exported.
func Run(ctx context.Context, cfg RunConfig) (err error) {
	tel, err := SetupTelemetry(ctx)
	if err != nil {
		return fmt.Errorf("telemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx is already cancelled at shutdown.
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if serr := tel.Shutdown(sctx); serr != nil && err == nil {
			err = fmt.Errorf("telemetry shutdown: %w", serr)
		}
	}()

	db, err := OpenDB(ctx, cfg.DSN, tel.Provider)
	if err != nil {
		return fmt.Errorf("database: %w", err)
	}
	defer db.Close()

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	backend := cfg.BackendURL
	if backend == "" {
		backend = "http://" + ln.Addr().String() + "/"
	}
	srv := &http.Server{
		Handler: NewServer(Config{
			Store:          &Store{DB: db},
			TracerProvider: tel.Provider,
			BackendURL:     backend,
		}),
		ReadHeaderTimeout: 5 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if cfg.Ready != nil {
		cfg.Ready(ln.Addr())
	}
	log.Printf("refservice listening on %s", ln.Addr())

	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	log.Printf("refservice shutting down: draining requests")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-serveErr; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
