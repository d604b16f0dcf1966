// Package attrs holds the attribute constructions otelapi.AttrOf must
// recognise; each is followed by a comment with the key and type it reads.
package attrs

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.37.0"
	"go.opentelemetry.io/otel/trace"
)

const appKey attribute.Key = "app.tenant"

func build(ctx context.Context, span trace.Span, n int, s string) []attribute.KeyValue {
	kvs := []attribute.KeyValue{
		attribute.String("http.method", s),                               // attr http.method string
		attribute.Int("http.status_code", n),                             // attr http.status_code int
		attribute.Int64Slice("sizes", nil),                               // attr sizes int[]
		attribute.Key("db.system").String(s),                             // attr db.system string
		appKey.Bool(true),                                                // attr app.tenant boolean
		semconv.HTTPRouteKey.String(s),                                   // attr http.route string
		semconv.UserAgentOriginal(s),                                     // attr user_agent.original string
		{Key: "raw", Value: attribute.Float64Value(1)},                   // attr raw double
		attribute.KeyValue{Key: appKey, Value: attribute.StringValue(s)}, // attr app.tenant string
		attribute.String(s, s),                                           // attr ? string
	}
	span.SetAttributes(kvs...)
	span.AddEvent("e", trace.WithAttributes(kvs...))
	_ = trace.LinkFromContext(ctx, kvs...)
	return kvs
}
