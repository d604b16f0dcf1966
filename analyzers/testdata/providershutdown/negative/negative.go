// Package negative holds providers whose shutdown is taken care of. // want package:"providerParams"
package negative

import (
	"context"
	"errors"
	"time"

	"go.opentelemetry.io/otel"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

func deferred(ctx context.Context) error {
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(tracetest.NewInMemoryExporter()))
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = tp.Shutdown(ctx)
	}()
	otel.SetTracerProvider(tp)
	return nil
}

// The getting-started shape: shutdown functions collected and returned.
func setupOTelSDK(ctx context.Context) (func(context.Context) error, error) {
	var shutdownFuncs []func(context.Context) error
	shutdown := func(ctx context.Context) error {
		var err error
		for _, fn := range shutdownFuncs {
			err = errors.Join(err, fn(ctx))
		}
		return err
	}
	tp := sdktrace.NewTracerProvider()
	shutdownFuncs = append(shutdownFuncs, tp.Shutdown)
	otel.SetTracerProvider(tp)

	mp := sdkmetric.NewMeterProvider()
	shutdownFuncs = append(shutdownFuncs, mp.Shutdown)
	otel.SetMeterProvider(mp)
	return shutdown, nil
}

// Returned: the caller owns it.
func newProvider() *sdktrace.TracerProvider { // want newProvider:"returnsProvider\\(0\\)"
	return sdktrace.NewTracerProvider()
}

func newProviderErr() (*sdktrace.TracerProvider, error) { // want newProviderErr:"returnsProvider\\(0\\)"
	tp := sdktrace.NewTracerProvider()
	if tp == nil {
		return nil, errors.New("no provider")
	}
	return tp, nil
}

func caller() error {
	tp, err := newProviderErr()
	if err != nil {
		return err
	}
	defer tp.Shutdown(context.Background())
	return nil
}

// Stored in a struct that owns it.
type App struct {
	tp *sdktrace.TracerProvider
}

func (a *App) Close(ctx context.Context) error { return a.tp.Shutdown(ctx) }

func NewApp() *App {
	return &App{tp: sdktrace.NewTracerProvider()}
}

func NewApp2() *App {
	a := &App{}
	a.tp = sdktrace.NewTracerProvider()
	return a
}

func NewApp3() *App {
	tp := sdktrace.NewTracerProvider()
	return &App{tp: tp}
}

// Kept in a package variable.
var global *sdktrace.TracerProvider

func initGlobal() {
	global = sdktrace.NewTracerProvider()
	otel.SetTracerProvider(global)
}

func shutdownGlobal(ctx context.Context) error { return global.Shutdown(ctx) }

// Exported: another package may shut it down.
var Provider *sdktrace.TracerProvider

func initExported() {
	Provider = sdktrace.NewTracerProvider()
}

type Server struct {
	TP *sdktrace.TracerProvider
}

func NewServer() *Server {
	return &Server{TP: sdktrace.NewTracerProvider()}
}

// Passed to a helper that shuts it down.
func closeOnSignal(tp *sdktrace.TracerProvider, done <-chan struct{}) { // want closeOnSignal:"takesProvider\\(0\\)"
	go func() {
		<-done
		_ = tp.Shutdown(context.Background())
	}()
}

func viaHelper(done <-chan struct{}) {
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	closeOnSignal(tp, done)
}

// Passed to something nothing is known of.
type registry interface{ Register(any) }

func viaInterface(r registry) {
	tp := sdktrace.NewTracerProvider()
	r.Register(tp)
}

func viaFuncValue(register func(*sdktrace.TracerProvider)) {
	register(sdktrace.NewTracerProvider())
}

// Sent to the goroutine that owns it.
func viaChannel(ch chan<- *sdktrace.TracerProvider) {
	tp := sdktrace.NewTracerProvider()
	ch <- tp
}

// The reader is shut down: PeriodicReader.Shutdown exports what is left
// (cerbos's metrics setup).
func readerShutdown(exp sdkmetric.Exporter) func() error {
	reader := sdkmetric.NewPeriodicReader(exp)
	provider := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	otel.SetMeterProvider(provider)
	return func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return reader.Shutdown(ctx)
	}
}

// So is a batch span processor.
func processorShutdown(exp sdktrace.SpanExporter) func(context.Context) error {
	bsp := sdktrace.NewBatchSpanProcessor(exp)
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(bsp))
	otel.SetTracerProvider(tp)
	return bsp.Shutdown
}

// Returned as an interface, with its Shutdown next to it.
func initWithShutdown() (trace.TracerProvider, func(context.Context) error) {
	tp := sdktrace.NewTracerProvider()
	return tp, tp.Shutdown
}

// Returned as an interface that has Shutdown.
type shutdowner interface {
	trace.TracerProvider
	Shutdown(context.Context) error
}

func initShutdowner() shutdowner {
	return sdktrace.NewTracerProvider()
}

// A meter provider whose reader is given: a pull reader (a Prometheus
// exporter) loses nothing at exit, and what this one is is not seen
// (temporal's metrics provider).
func pullReader(reader sdkmetric.Reader) {
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	otel.SetMeterProvider(mp)
}
