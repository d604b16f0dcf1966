// Command refservice runs otellint's reference service: an HTTP service
// instrumented with OpenTelemetry the way otellint's rules ask for.
//
//	go run ./cmd/refservice            # spans printed to the console
//	OTEL_TRACES_EXPORTER=otlp OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 go run ./cmd/refservice
//
// Environment: REFSERVICE_ADDR (default :8080), REFSERVICE_DSN (default an
// in-memory SQLite database), REFSERVICE_BACKEND_URL (what /proxy calls;
// default the service's own /), and the standard OTEL_* variables.
package main

import (
	"context"
	"log"
	"os"
	"os/signal"
	"syscall"

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
