// Package app uses the setup package's helpers across the package boundary.
package app

import (
	"context"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"example.com/testdata/providershutdown/helpers/setup"
)

func forgets() error {
	tp, err := setup.Init() // want `tracer provider from Init is never shut down`
	if err != nil {
		return err
	}
	_ = tp.Tracer("app")
	return nil
}

func shuts() error {
	tp, err := setup.Init()
	if err != nil {
		return err
	}
	defer tp.Shutdown(context.Background())
	return nil
}

func owned() {
	setup.Own(sdktrace.NewTracerProvider())
}

func used() {
	setup.Use(sdktrace.NewTracerProvider()) // want `tracer provider from sdktrace.NewTracerProvider is never shut down`
}
