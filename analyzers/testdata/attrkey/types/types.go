// Package types covers values whose type differs from the one the
// registry defines for the key, and the values that are fine.
package types

import (
	"fmt"
	"net/http"
	"strconv"

	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

func bad(span trace.Span, r *http.Request, status int, size int64) {
	span.SetAttributes(
		attribute.String("http.response.status_code", strconv.Itoa(status)),    // want `attribute "http.response.status_code" gets a string value, but the semantic conventions define it as int \(backends that type the column drop or mis-index it\)`
		attribute.Int("http.request.method", 1),                                // want `attribute "http.request.method" gets an int value, but the semantic conventions define it as string`
		attribute.String("server.port", "8080"),                                // want `attribute "server.port" gets a string value, but the semantic conventions define it as int`
		semconv.HTTPResponseStatusCodeKey.String(strconv.Itoa(status)),         // want `attribute "http.response.status_code" gets a string value`
		attribute.Float64("http.request.body.size", float64(size)),             // want `attribute "http.request.body.size" gets a double value, but the semantic conventions define it as int`
		attribute.Bool("url.scheme", r.TLS != nil),                             // want `attribute "url.scheme" gets a boolean value`
		attribute.KeyValue{Key: "url.path", Value: attribute.IntValue(status)}, // want `attribute "url.path" gets an int value`
	)
}

func good(span trace.Span, r *http.Request, status int, size int64, d fmt.Stringer) {
	span.SetAttributes(
		attribute.Int("http.response.status_code", status),
		attribute.Int64("http.request.body.size", size),
		attribute.String("http.request.method", r.Method),
		attribute.Stringer("url.full", r.URL),
		semconv.HTTPResponseStatusCode(status),
		semconv.HTTPRequestMethodKey.String(r.Method),
		attribute.Int("process.cpu.utilization", 1), // an int where a double goes: backends widen it
		attribute.Float64("process.cpu.utilization", 0.5),
		// A template key: header values are often recorded as one string.
		attribute.String("http.request.header.x-request-id", r.Header.Get("X-Request-Id")),
		// A value whose type the construction does not say.
		attribute.KeyValue{Key: "url.path", Value: value(r)},
		// Keys the registry does not define.
		attribute.Int("app.order.count", 3),
		attribute.Stringer("app.duration", d),
	)
}

func value(r *http.Request) attribute.Value { return attribute.StringValue(r.URL.Path) }
