// Package typos covers keys one edit away from a registry key in a
// registry namespace, and the look-alikes that are not typos.
package typos

import (
	"net/http"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func bad(span trace.Span, r *http.Request, status int) {
	span.SetAttributes(
		attribute.Int("http.response.statuscode", status),     // want `attribute key "http.response.statuscode" is not in the semantic conventions, which define "http.response.status_code" \(a typo: dashboards that follow the conventions never see it\)`
		attribute.String("http.request.methdo", r.Method),     // want `attribute key "http.request.methdo" is not in the semantic conventions, which define "http.request.method"`
		attribute.Key("url.schem").String(r.URL.Scheme),       // want `attribute key "url.schem" is not in the semantic conventions, which define "url.scheme"`
		attribute.String("user_agent.orignal", r.UserAgent()), // want `attribute key "user_agent.orignal" is not in the semantic conventions, which define "user_agent.original"`
	)
}

func good(span trace.Span, r *http.Request, name, tenant string, ids []string) {
	span.SetAttributes(
		// Application namespaces.
		attribute.String("myapp.request.method", r.Method),
		attribute.String("shop.order.id", "42"),
		// Template keys: any name after the prefix.
		attribute.StringSlice("http.request.header.x-tenantt", []string{tenant}),
		attribute.String("k8s.pod.label.teir", "web"),
		// Keys computed at run time.
		attribute.String("http.request."+name, "x"),
		attribute.String(name, tenant),
		// Look-alikes that are keys of their own: a plural, a digit, a
		// short last segment, a changed first letter.
		attribute.StringSlice("user.ids", ids),
		attribute.String("user.fname", name),
		attribute.String("server.add", "x"),
		attribute.String("host.id2", "x"),
	)
}
