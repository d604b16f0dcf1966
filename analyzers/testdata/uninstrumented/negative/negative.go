package negative

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("negative")

// A package-level client, built elsewhere: not followed (this one is
// instrumented).
var shared = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}

type Server struct {
	client *http.Client
}

// Instrumented clients.
func instrumented(ctx context.Context, u string) error {
	c := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport), Timeout: time.Second}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = shared.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Transport set later on the same variable.
func setLater(ctx context.Context, u string) {
	c := &http.Client{Timeout: time.Second}
	c.Transport = otelhttp.NewTransport(c.Transport)
	c.Get(u)
}

// A client from a parameter, a field, another function: not seen.
func param(ctx context.Context, c *http.Client, u string) { c.Get(u) }

func (s *Server) field(w http.ResponseWriter, r *http.Request) { s.client.Get("http://backend/") }

func newClient() *http.Client { return &http.Client{} }

func fromFunc(ctx context.Context) { newClient().Get("http://backend/") }

// A Transport that may wrap otelhttp.
func wrapped(ctx context.Context, rt http.RoundTripper) {
	c := &http.Client{Transport: rt}
	c.Get("http://backend/")
	d := &http.Client{Transport: instrument(http.DefaultTransport)}
	d.Get("http://backend/")
}

func instrument(rt http.RoundTripper) http.RoundTripper { return otelhttp.NewTransport(rt) }

// A client handed to a function that may set its Transport.
func handed(ctx context.Context) {
	c := &http.Client{}
	configure(c)
	c.Get("http://backend/")
}

func configure(c *http.Client) { c.Transport = otelhttp.NewTransport(http.DefaultTransport) }

// Code that does not trace: no context, no span.
func startup() {
	resp, err := http.Get("http://config/")
	if err == nil {
		resp.Body.Close()
	}
}

// A client aliased or stored: another name may set its Transport.
func aliased(ctx context.Context) {
	c := &http.Client{}
	d := c
	d.Transport = otelhttp.NewTransport(http.DefaultTransport)
	c.Get("http://backend/")
}

func (s *Server) stored(ctx context.Context) {
	c := &http.Client{}
	s.client = c
	c.Get("http://backend/")
}
