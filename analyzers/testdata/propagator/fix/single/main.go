// Command single imports one package per import declaration: the fix adds
// another.
package main

import "go.opentelemetry.io/otel"

import sdktrace "go.opentelemetry.io/otel/sdk/trace"

import _ "example.com/testdata/propagator/lib/httpx"

func main() {
	otel.SetTracerProvider(sdktrace.NewTracerProvider()) // want `the program installs a tracer provider but sets no text-map propagator`
}
