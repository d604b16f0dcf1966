package refservice

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"sync"
	"time"
)

// RunConfig configures Run. A zero duration means its default.
type RunConfig struct {
	Addr       string // listen address, e.g. ":8080"
	DSN        string // SQLite data source, e.g. ":memory:" or "file:users.db"
	BackendURL string // what GET /proxy calls; empty means this service's own "/"
	// Ready, if set, receives the bound address once the server listens.
	Ready func(addr net.Addr)

	// ReadTimeout bounds the reading of a whole request, body included
	// (default 10s): a client that trickles its body gets 408.
	ReadTimeout time.Duration
	// ShutdownTimeout is how long in-flight requests and WebSocket close
	// handshakes have to finish after ctx is cancelled (default 15s).
	ShutdownTimeout time.Duration
}

// Defaults of RunConfig and the server's other limits.
const (
	DefaultReadTimeout     = 10 * time.Second
	DefaultShutdownTimeout = 15 * time.Second

	readHeaderTimeout = 5 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 60 * time.Second
	// closeWait is how long handlers have to return once their
	// connections are closed and their contexts cancelled.
	closeWait = 2 * time.Second
	// telemetryTimeout bounds the export of the last spans.
	telemetryTimeout = 10 * time.Second
)

// Run starts telemetry, the database and the HTTP server, and serves until
// ctx is cancelled (main cancels it on SIGINT or SIGTERM). Then it stops
// accepting connections, closes WebSocket connections with 1001 (going
// away), and drains in-flight requests for up to ShutdownTimeout. Requests
// still running then are cut off: their connections are closed and their
// contexts cancelled, so their handlers return and their spans end. Only
// then does it shut the tracer provider down, so that every finished span
// is exported. A shutdown cut short is logged, not an error: Run returns
// nil once ctx is cancelled, unless telemetry cannot be flushed.
func Run(ctx context.Context, cfg RunConfig) (err error) {
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = DefaultReadTimeout
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = DefaultShutdownTimeout
	}
	tel, err := SetupTelemetry(ctx)
	if err != nil {
		return fmt.Errorf("telemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx is already cancelled at shutdown.
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), telemetryTimeout)
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
	// Requests outlive the signal (their contexts are not cancelled by
	// it) until the shutdown timeout passes; then abort cancels them.
	reqCtx, abort := context.WithCancel(context.WithoutCancel(ctx))
	defer abort()
	stopping := make(chan struct{})
	var handlers inflight
	h := NewServer(Config{
		Store:          &Store{DB: db},
		TracerProvider: tel.Provider,
		BackendURL:     backend,
		Stopping:       stopping,
	})
	srv := &http.Server{
		// Shutdown does not wait for hijacked connections (WebSockets):
		// handlers counts every handler still running.
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			handlers.enter()
			defer handlers.leave()
			h.ServeHTTP(w, r)
		}),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		BaseContext:       func(net.Listener) context.Context { return reqCtx },
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
	close(stopping)
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cfg.ShutdownTimeout)
	defer cancel()
	drained := srv.Shutdown(sctx) == nil && handlers.wait(sctx)
	if !drained {
		log.Printf("refservice: requests still running after %v: closing their connections", cfg.ShutdownTimeout)
		srv.Close()
		abort()
		wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), closeWait)
		defer cancel()
		if !handlers.wait(wctx) {
			log.Printf("refservice: handlers still running after their connections were closed: their spans are lost")
		}
	}
	if err := <-serveErr; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// inflight counts running handlers.
type inflight struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed when n drops to 0; nil if nobody waits
}

func (f *inflight) enter() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n++
}

func (f *inflight) leave() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n--
	if f.n == 0 && f.idle != nil {
		close(f.idle)
		f.idle = nil
	}
}

// wait waits until no handler runs, or until ctx is done; it reports
// whether no handler runs.
func (f *inflight) wait(ctx context.Context) bool {
	f.mu.Lock()
	if f.n == 0 {
		f.mu.Unlock()
		return true
	}
	if f.idle == nil {
		f.idle = make(chan struct{})
	}
	idle := f.idle
	f.mu.Unlock()
	select {
	case <-idle:
		return true
	case <-ctx.Done():
		return false
	}
}
