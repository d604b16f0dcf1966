// Command wrapped installs the provider two libraries deep, through a
// method, and propagates through the first library's client: reported at
// main's call.
package main

import (
	"example.com/testdata/propagator/lib/telemetry"
	"example.com/testdata/propagator/lib/wrap"
)

func main() {
	println(wrap.Name())
	s := &wrap.Service{}
	s.Start() // want `Service.Start installs a tracer provider but the program sets no text-map propagator`
	telemetry.Client.Get("http://backend")
}
