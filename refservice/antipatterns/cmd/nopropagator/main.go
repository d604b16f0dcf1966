// Command nopropagator is the propagator anti-pattern as a program: it
// installs a tracer provider and serves the anti-pattern handlers through
// otelhttp, but never sets a text-map propagator. Its /propagator route
// calls the backend (NOPROPAGATOR_BACKEND_URL) with the request's context,
// and still the backend's spans land in another trace: with the global
// propagator a no-op, the otelhttp transport sends no traceparent.
// refservice/antipatterns/propagator_test.go shows it at run time.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/otellint/otellint/refservice/antipatterns"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	exp, err := stdouttrace.New()
	if err != nil {
		log.Fatal(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	otel.SetTracerProvider(tp) // and no otel.SetTextMapPropagator: the mistake

	h := &antipatterns.Handlers{
		Tracer:  tp.Tracer("nopropagator"),
		Client:  &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)},
		Backend: os.Getenv("NOPROPAGATOR_BACKEND_URL"),
	}
	srv := &http.Server{Addr: ":8081", Handler: otelhttp.NewHandler(h.Mux(), "front")}
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			log.Print(err)
			stop()
		}
	}()
	<-ctx.Done()

	done, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(done)
	if err := tp.Shutdown(done); err != nil {
		log.Print(err)
	}
}
