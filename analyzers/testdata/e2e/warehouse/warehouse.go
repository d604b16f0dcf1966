// Package warehouse talks to the warehouse without a context. It does not
// touch spans: only facts about its functions reach the shop's handlers.
package warehouse

import "time"

// Reserve holds sku, waiting out the warehouse's rate limit.
func Reserve(sku string) error {
	time.Sleep(10 * time.Millisecond)
	return nil
}
