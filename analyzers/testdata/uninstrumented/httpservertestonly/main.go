// A program whose tests alone install a tracer provider: the program
// itself traces nothing, its server is not reported.
package main

import (
	"io"
	"net/http"
)

func main() {
	http.ListenAndServe(":8080", routes())
}

func routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hello") })
	return mux
}
