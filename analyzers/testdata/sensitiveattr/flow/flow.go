// Package flow covers attributes and values followed through local
// variables: KeyValue variables, []attribute.KeyValue built with literals
// and append, helpers of the package that return attributes, and values
// assigned, re-cased, concatenated and formatted.
package flow

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

type User struct {
	ID       string
	Email    string
	Password string
}

var tracer = otel.Tracer("flow")

func Slices(w http.ResponseWriter, r *http.Request, u User) {
	attrs := []attribute.KeyValue{
		attribute.String("user.id", u.ID),
		attribute.String("user.email", u.Email), // want `attribute "user.email" carries an e-mail address from u.Email`
	}
	if r.URL.Query().Has("debug") {
		attrs = append(attrs, attribute.String("user.password", u.Password)) // want `attribute "user.password" carries a password from u.Password`
	}
	kv := attribute.String("auth", r.Header.Get("Authorization")) // want `attribute "auth" carries the request's Authorization header`
	attrs = append(attrs, kv)
	more := make([]attribute.KeyValue, 0, 1)
	more = append(more, attribute.String("owner.email", u.Email)) // want `attribute "owner.email" carries an e-mail address from u.Email`
	_, span := tracer.Start(r.Context(), "slices", trace.WithAttributes(slices.Concat(attrs, more)...))
	defer span.End()
}

func indexed(ctx context.Context, u User) {
	attrs := make([]attribute.KeyValue, 2)
	attrs[0] = attribute.String("user.email", u.Email) // want `attribute "user.email" carries an e-mail address from u.Email`
	attrs[1] = attribute.String("user.id", u.ID)
	trace.SpanFromContext(ctx).SetAttributes(attrs...)
}

// A helper of the package that builds the attributes: reported where they
// are built, once, however many spans they reach.
func userAttrs(u User) []attribute.KeyValue {
	return []attribute.KeyValue{
		attribute.String("user.id", u.ID),
		attribute.String("user.email", u.Email), // want `attribute "user.email" carries an e-mail address from u.Email`
	}
}

func emailAttr(u User) attribute.KeyValue {
	return attribute.String("contact", u.Email) // want `attribute "contact" carries an e-mail address from u.Email`
}

func helpers(ctx context.Context, u User) {
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(userAttrs(u)...)
	span.SetAttributes(emailAttr(u))
	span.AddEvent("again", trace.WithAttributes(userAttrs(u)...))
}

// Values flow through variables, in any order.
func values(ctx context.Context, u User) {
	span := trace.SpanFromContext(ctx)
	addr := u.Email
	lower := strings.ToLower(strings.TrimSpace(addr))
	span.SetAttributes(attribute.String("notify.to", lower))                           // want `attribute "notify.to" carries an e-mail address from u.Email`
	span.SetAttributes(attribute.String("notify.to", "<"+addr+">"))                    // want `attribute "notify.to" carries an e-mail address from u.Email`
	span.SetAttributes(attribute.String("notify.to", fmt.Sprintf("%s (%d)", addr, 1))) // want `attribute "notify.to" carries an e-mail address from u.Email`
	var to string
	defer func() {
		span.SetAttributes(attribute.String("notify.to", to)) // want `attribute "notify.to" carries an e-mail address from u.Email`
	}()
	to = u.Email
	for _, e := range []string{u.Email} {
		span.SetAttributes(attribute.String("each", e)) // want `attribute "each" carries an e-mail address from u.Email`
	}
	val := attribute.StringValue(u.Email)
	span.SetAttributes(attribute.KeyValue{Key: "contact", Value: val}) // want `attribute "contact" carries an e-mail address from u.Email`
	var token string
	token, _ = issue(u)
	span.SetAttributes(attribute.String("issued", token)) // want `attribute "issued" carries a token from token`
}

func issue(u User) (string, error) { return "t", nil }

// Silent: values that flow through a hash or a mask, or only a part that
// describes them.
func cleared(ctx context.Context, u User, r *http.Request) {
	span := trace.SpanFromContext(ctx)
	tok := r.Header.Get("X-Auth-Token")
	tok = hashToken(tok)
	span.SetAttributes(attribute.String("auth.token", tok))
	digest := fmt.Sprintf("%x", sha(u.Email))
	span.SetAttributes(attribute.String("user.email", digest))
	span.SetAttributes(attribute.String("user.email", redact(u.Email)))
	span.SetAttributes(attribute.String("user.email", emailDomain(u.Email)))
	span.SetAttributes(attribute.String("auth.kind", fmt.Sprintf("%T", tok)))
	span.SetAttributes(attribute.String("auth.len", fmt.Sprint(len(u.Password))))
}

func hashToken(s string) string   { return s }
func sha(s string) []byte         { return nil }
func redact(s string) string      { return "***" }
func emailDomain(s string) string { return s[strings.IndexByte(s, '@')+1:] }

// Attributes built but never seen reaching a span (a metric, a log, a
// return to an unknown caller) are not reported.
func notOnSpan(u User) []attribute.KeyValue {
	kept := attribute.String("user.email", u.Email)
	return []attribute.KeyValue{kept}
}

// Helpers may be methods and generic.
type recorder struct{}

func (recorder) attrs(u User) []attribute.KeyValue {
	return []attribute.KeyValue{attribute.String("user.password", u.Password)} // want `attribute "user.password" carries a password from u.Password`
}

func secretAttr[T ~string](v T) attribute.KeyValue {
	return attribute.String("auth.secret", string(v)) // want `attribute "auth.secret" carries a secret from string\(v\)`
}

func generic(ctx context.Context, u User, rec recorder) {
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(rec.attrs(u)...)
	span.SetAttributes(secretAttr(u.ID))
}
