// Package fix covers the suggested fixes for renamed keys: a literal
// becomes the new literal; an old semconv constant or helper becomes the
// constant (or helper) of the newest semconv package the file imports that
// has the new key, else the literal.
package fix

import (
	"net/http"

	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.21.0"
	semconv43 "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

func literals(span trace.Span, r *http.Request, status int) {
	span.SetAttributes(
		attribute.String("http.method", r.Method),                                               // want `attribute key "http.method" is deprecated by the semantic conventions; use "http.request.method" \(dashboards that follow the current conventions never see it\)`
		attribute.Int("http.status_code", status),                                               // want `attribute key "http.status_code" is deprecated by the semantic conventions; use "http.response.status_code"`
		attribute.Key("http.url").String(r.URL.String()),                                        // want `attribute key "http.url" is deprecated by the semantic conventions; use "url.full"`
		attribute.KeyValue{Key: "http.user_agent", Value: attribute.StringValue(r.UserAgent())}, // want `attribute key "http.user_agent" is deprecated by the semantic conventions; use "user_agent.original"`
		attribute.String("k8s.pod.labels.app", "web"),                                           // want `attribute key "k8s.pod.labels.app" is deprecated by the semantic conventions; use "k8s.pod.label.app"`
	)
}

func constants(span trace.Span, r *http.Request, q string) {
	span.SetAttributes(
		semconv.HTTPMethodKey.String(r.Method), // want `attribute key "http.method" is deprecated by the semantic conventions; use "http.request.method"`
		semconv.DBStatementKey.String(q),       // want `attribute key "db.statement" is deprecated by the semantic conventions; use "db.query.text"`
		attribute.KeyValue{Key: semconv.HTTPURLKey, Value: attribute.StringValue(r.URL.String())}, // want `attribute key "http.url" is deprecated`
		attribute.String(string(semconv.HTTPMethodKey), r.Method),                                 // want `attribute key "http.method" is deprecated`
	)
}

func helpers(span trace.Span, r *http.Request, q string) {
	span.SetAttributes(
		semconv.DBStatement(q),       // want `attribute key "db.statement" is deprecated by the semantic conventions; use "db.query.text"`
		semconv.HTTPMethod(r.Method), // want `attribute key "http.method" is deprecated by the semantic conventions; use "http.request.method"`
		semconv.HTTPStatusCode(200),  // want `attribute key "http.status_code" is deprecated`
	)
}

// A renamed key whose new enum lacks the value: renaming the key alone
// would set a value the new key does not have, so there is no fix.
func renamedEnum(span trace.Span) {
	span.SetAttributes(attribute.String("db.system", "mssql")) // want `attribute key "db.system" is deprecated by the semantic conventions; use "db.system.name"`
}

// A value of another type than the new key's: renaming would not make it
// right, so there is no fix.
func wrongType(span trace.Span, sqls []string) {
	span.SetAttributes(attribute.StringSlice("db.statement", sqls)) // want `attribute key "db.statement" is deprecated by the semantic conventions; use "db.query.text"`
}

// Deprecated enum values given as literals.
func member(span trace.Span) {
	span.SetAttributes(attribute.String("cloud.platform", "azure_vm")) // want `value "azure_vm" of attribute "cloud.platform" is deprecated by the semantic conventions; use "azure.vm"`
}

// The old package stays in use after the fixes (a fix that removed its last
// use would leave an unused import, which the driver declines to apply).
var _ = semconv.SchemaURL

// The file imports the newest package for its own use.
var _ = semconv43.SchemaURL
