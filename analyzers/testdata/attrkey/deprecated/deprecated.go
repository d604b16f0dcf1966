// Package deprecated covers keys the semantic conventions deprecate, set
// everywhere an attribute goes (spans, events, links, metrics), from every
// construction; the fixable ones are in ../fix.
package deprecated

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.21.0"
	"go.opentelemetry.io/otel/trace"
)

func handle(ctx context.Context, span trace.Span, r *http.Request, counter metric.Int64Counter) {
	// No single replacement: the message says so and gives the reason.
	span.SetAttributes(attribute.String("net.peer.name", r.Host))     // want `attribute key "net.peer.name" is deprecated by the semantic conventions, with no single replacement: Replaced by .server.address. on client spans and .client.address. on server spans \(see https://opentelemetry.io/docs/specs/semconv/registry/attributes/network/\)`
	span.SetAttributes(attribute.String("http.target", r.RequestURI)) // want `attribute key "http.target" is deprecated by the semantic conventions, with no single replacement: Split to .url.path. and .url.query.`
	span.SetAttributes(semconv.NetPeerName(r.Host))                   // want `attribute key "net.peer.name" is deprecated by the semantic conventions, with no single replacement`

	// Events, links, metrics.
	span.AddEvent("retry", trace.WithAttributes(attribute.String("http.target", r.URL.Path))) // want `attribute key "http.target" is deprecated`
	_ = trace.LinkFromContext(ctx, attribute.String("net.peer.name", "db"))                   // want `attribute key "net.peer.name" is deprecated`
	counter.Add(ctx, 1, metric.WithAttributes(attribute.String("http.target", r.URL.Path)))   // want `attribute key "http.target" is deprecated`
}

// A string constant used as a key is reported where it is used, without a
// fix (the constant may serve other purposes).
const methodKey = "http.method"

func viaConstant(span trace.Span, r *http.Request) {
	span.SetAttributes(attribute.String(methodKey, r.Method)) // want `attribute key "http.method" is deprecated by the semantic conventions; use "http.request.method"`
}

// A deprecated key from an old semconv package whose current replacement
// the file cannot name: the literal would not compile as a receiver without
// the attribute package, so there is no fix... but here attribute is
// imported, so see ../fix for that case.
