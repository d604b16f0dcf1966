// Package errorkey covers the OpenTracing "error" tag.
package errorkey

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

func bad(span trace.Span, err error) {
	if err != nil {
		span.SetAttributes(attribute.Bool("error", true))                            // want `attribute key "error" is an OpenTracing tag that OpenTelemetry backends do not read as a failure \(set the span status with span.SetStatus\(codes.Error, msg\) and record the kind of error as error.type\)`
		span.SetAttributes(attribute.String("error", err.Error()))                   // want `attribute key "error" is an OpenTracing tag`
		span.AddEvent("failed", trace.WithAttributes(attribute.Bool("error", true))) // want `attribute key "error" is an OpenTracing tag`
	}
}

func good(span trace.Span, err error) {
	if err != nil {
		span.SetStatus(codes.Error, err.Error())
		span.SetAttributes(attribute.String("error.type", "timeout"))
		span.SetAttributes(attribute.Bool("app.error", true))
		span.SetAttributes(attribute.Bool("errors", true))
	}
}
