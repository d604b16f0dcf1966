// Command cmd blocks in main and in its generated handler, neither reported.
package main

import (
	"net/http"
	"time"
)

func main() {
	time.Sleep(time.Second)
	http.Get("http://localhost:8080/health")
}
