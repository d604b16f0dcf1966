// Package negative covers real idioms that must stay silent: the current
// keys from literals and semconv packages, keys computed at run time, a
// deprecated key emitted next to its replacement during a migration, and
// other signals' current keys.
package negative

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

func current(ctx context.Context, span trace.Span, r *http.Request, counter metric.Int64Counter, status int) {
	span.SetAttributes(
		attribute.String("http.request.method", r.Method),
		attribute.Int("http.response.status_code", status),
		attribute.String("url.path", r.URL.Path),
		attribute.String("http.route", r.Pattern),
		semconv.HTTPRequestMethodKey.String(r.Method),
		semconv.HTTPRoute(r.Pattern),
		semconv.UserAgentOriginal(r.UserAgent()),
		semconv.ServerAddress(r.Host),
		attribute.String("cloud.platform", "azure.vm"),
		attribute.String("myapp.customer.tier", "gold"),
	)
	counter.Add(ctx, 1, metric.WithAttributes(semconv.HTTPRequestMethodKey.String(r.Method)))
}

func runtimeKeys(span trace.Span, keys map[string]string, prefix string) {
	for k, v := range keys {
		span.SetAttributes(attribute.String(k, v))
		span.SetAttributes(attribute.String(prefix+k, v))
		span.SetAttributes(attribute.Key(k).String(v))
	}
}

// Old and new keys side by side (the stability opt-in "dup" mode): the
// old one is on its way out on purpose.
func migration(span trace.Span, r *http.Request) {
	span.SetAttributes(
		attribute.String("http.method", r.Method),
		attribute.String("http.request.method", r.Method),
	)
}
