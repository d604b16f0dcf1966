package negative

import (
	"context"
	"net/http"
)

// Test files talk to test servers: not checked.
func fetchForTest(ctx context.Context) { http.Get("http://127.0.0.1/") }
