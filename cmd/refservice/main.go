// Command refservice runs otellint's reference service: an HTTP service
// instrumented with OpenTelemetry the way otellint's rules ask for.
//
//	go run ./cmd/refservice            # spans printed to the console
//	OTEL_TRACES_EXPORTER=otlp OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 go run ./cmd/refservice
//
// Environment: REFSERVICE_ADDR (default :8080), REFSERVICE_DSN (default an
// in-memory SQLite database), REFSERVICE_BACKEND_URL (what /proxy calls;
// default the service's own /), REFSERVICE_READ_TIMEOUT (how long a client
// has to send a whole request; default 10s), REFSERVICE_SHUTDOWN_TIMEOUT
// (how long requests have to finish after SIGINT or SIGTERM; default 15s),
// and the standard OTEL_* variables.
//
// On SIGINT or SIGTERM it drains requests, closes WebSocket connections
// with 1001 (going away), cuts off what still runs after the shutdown
// timeout, exports every finished span and exits 0.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/otellint/otellint/refservice"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg := refservice.RunConfig{
		Addr:       env("REFSERVICE_ADDR", ":8080"),
		DSN:        env("REFSERVICE_DSN", ":memory:"),
		BackendURL: os.Getenv("REFSERVICE_BACKEND_URL"),
	}
	var err error
	if cfg.ReadTimeout, err = duration("REFSERVICE_READ_TIMEOUT"); err != nil {
		log.Fatal(err)
	}
	if cfg.ShutdownTimeout, err = duration("REFSERVICE_SHUTDOWN_TIMEOUT"); err != nil {
		log.Fatal(err)
	}
	if err := refservice.Run(ctx, cfg); err != nil {
		log.Fatal(err)
	}
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// duration reads a positive duration ("500ms", "15s") from the
// environment; unset means 0, the default.
func duration(key string) (time.Duration, error) {
	v := os.Getenv(key)
	if v == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%s=%q: want a positive duration such as 500ms or 15s", key, v)
	}
	return d, nil
}
