// A program that registers its routes on http.DefaultServeMux and wraps
// it.
package main

import (
	"log"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func main() {
	http.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	http.HandleFunc("/orders", func(http.ResponseWriter, *http.Request) {})
	log.Fatal(http.ListenAndServe(":8080", otelhttp.NewHandler(http.DefaultServeMux, "server"))) // want `traces the health-check route "/healthz"`
}
