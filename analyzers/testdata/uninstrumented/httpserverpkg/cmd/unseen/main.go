// A program that instruments nothing itself and serves handler trees that
// are not all visible: nothing is reported.
package main

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"example.com/testdata/uninstrumented/httpserverpkg/api"
	"example.com/testdata/uninstrumented/httpserverpkg/tracing"
)

type app struct{ handler http.Handler }

func main() {
	tracing.Setup()

	// Handlers this rule cannot see: a library's router, a field, a
	// parameter, a function without a fact, the default mux.
	go http.ListenAndServe(":8085", gin.New())
	a := &app{handler: api.Routes()}
	go http.ListenAndServe(":8086", a.handler)
	go http.ListenAndServe(":8087", api.From(api.Current()))
	go http.ListenAndServe(":8088", nil)
	go (&http.Server{Addr: ":8089"}).ListenAndServe()
	serve(api.Routes())

	// A handler function that delegates to another handler.
	d := http.NewServeMux()
	d.HandleFunc("GET /", api.Delegate)
	go http.ListenAndServe(":8090", d)

	// A server passed on: it may be given another handler.
	s2 := &http.Server{Addr: ":8091", Handler: api.Routes()}
	run(s2)
}

func serve(h http.Handler) { http.ListenAndServe(":8092", h) }

func run(s *http.Server) { s.ListenAndServe() }
