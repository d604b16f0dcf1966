package fix

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("fix")

func oneLine(ctx context.Context, u string) error {
	c := &http.Client{Timeout: 5 * time.Second}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	resp, err := c.Do(req) // want `c\.Do sends the request through an http\.Client`
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = c.Do(req) // want `c\.Do sends the request through an http\.Client`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func empty(ctx context.Context) {
	c := http.Client{}
	c.Get("http://backend/") // want `c\.Get sends`
}

func multiLine(ctx context.Context) {
	c := &http.Client{
		Timeout: time.Second,
	}
	c.Get("http://backend/") // want `c\.Get sends`
}

// traced makes the package one that traces: its outbound calls continue
// a trace.
func traced(ctx context.Context) {
	_, span := tracer.Start(ctx, "traced")
	defer span.End()
}
