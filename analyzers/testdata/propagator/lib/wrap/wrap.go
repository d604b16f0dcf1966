// want package:"installs propagates"

// Package wrap installs the provider through another library's function
// and a method: it imports neither the global API nor instrumentation, and
// still carries the facts of what it calls.
package wrap

import "example.com/testdata/propagator/lib/telemetry"

type Service struct{}

func (*Service) Start() { // want Start:"installsTracerProvider"
	Init()
}

func Init() { // want Init:"installsTracerProvider"
	telemetry.MustSetup()
}

// Name installs nothing.
func Name() string { return "wrap" }
