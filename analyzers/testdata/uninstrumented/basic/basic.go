package basic

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("basic")

func handler(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://backend/quote") // want `http\.Get sends the request without trace context \(the callee starts a new trace; send it through a client whose Transport is otelhttp\.NewTransport\(http\.DefaultTransport\)\)`
	if err == nil {
		resp.Body.Close()
	}
}

func fetch(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http\.DefaultClient\.Do sends the request without trace context`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func spanned() {
	_, span := tracer.Start(context.Background(), "spanned")
	defer span.End()
	http.Head("http://backend/")                                       // want `http\.Head sends`
	http.Post("http://backend/", "text/plain", strings.NewReader("x")) // want `http\.Post sends`
	http.PostForm("http://backend/", url.Values{})                     // want `http\.PostForm sends`
}

func localClient(ctx context.Context, u string) error {
	c := &http.Client{Timeout: 5 * time.Second}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	resp, err := c.Do(req) // want `c\.Do sends the request through an http\.Client whose Transport is not otelhttp\.NewTransport, without trace context`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func plainTransport(ctx context.Context) {
	c := http.Client{Transport: &http.Transport{MaxIdleConns: 10}}
	c.Get("http://backend/") // want `c\.Get sends the request through an http\.Client`
	var d = &http.Client{Transport: http.DefaultTransport}
	d.Head("http://backend/")               // want `d\.Head sends`
	(&http.Client{}).Get("http://backend/") // want `http\.Client\.Get sends`
}

func closure(ctx context.Context) {
	go func() {
		http.Get("http://backend/") // want `http\.Get sends`
	}()
}

func setPlainLater(ctx context.Context) {
	c := &http.Client{}
	c.Transport = http.DefaultTransport
	c.Get("http://backend/") // want `c\.Get sends`
}
