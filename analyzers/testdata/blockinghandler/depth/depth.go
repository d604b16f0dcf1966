// Package depth is run with -blockinghandler.depth=2: functions that block
// one call further down are followed too, and the message names the chain.
package depth

import (
	"net/http"
	"time"
)

func pause() { time.Sleep(time.Second) } // want pause:"blocks\\(time.Sleep\\)"

func indirect() { pause() } // want indirect:"blocks\\(time.Sleep\\)"

func deeper() { indirect() }

func handle(w http.ResponseWriter, r *http.Request) {
	pause()    // want `calls pause, which blocks in time.Sleep without a context`
	indirect() // want `calls indirect, which blocks in time.Sleep through pause without a context`
	deeper()   // three calls down
}

// acquire is named in -blockinghandler.calls: it blocks like a table row.
func acquire(name string) {}

func locked(w http.ResponseWriter, r *http.Request) {
	acquire("inventory") // want `example.com/testdata/blockinghandler/depth.acquire in HTTP handler "locked" ignores the request context: it keeps blocking after the client goes away \(use a form that takes r.Context\(\)\)`
}
