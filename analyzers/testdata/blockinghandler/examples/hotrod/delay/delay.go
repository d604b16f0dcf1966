// Package delay simulates work in an example application, as Jaeger's
// HotROD demo does.
package delay

import (
	"math"
	"math/rand"
	"time"
)

// Sleep blocks for a normally distributed random delay.
func Sleep(mean, stdDev time.Duration) { // want Sleep:"blocks\\(time.Sleep\\)"
	d := time.Duration(math.Max(1, rand.NormFloat64()*float64(stdDev)+float64(mean)))
	time.Sleep(d)
}
