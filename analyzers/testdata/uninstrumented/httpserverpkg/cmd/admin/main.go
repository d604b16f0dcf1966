// A program that instruments its API server through another package
// (traced.Routes) and leaves its admin server untraced, by choice: it
// starts server spans, nothing is reported.
package main

import (
	"net/http"

	"example.com/testdata/uninstrumented/httpserverpkg/api"
	"example.com/testdata/uninstrumented/httpserverpkg/traced"
	"example.com/testdata/uninstrumented/httpserverpkg/tracing"
)

func main() {
	defer tracing.Init()()
	go http.ListenAndServe(":9090", api.Routes())
	http.ListenAndServe(":8080", traced.Routes())
}
