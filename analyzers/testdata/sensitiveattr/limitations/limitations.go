// Package limitations holds known misses of sensitiveattr, each a false
// negative the rule accepts to stay precise.
package limitations

import (
	"context"
	"fmt"
	"net/http"
	"net/mail"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

type User struct {
	ID       int
	Email    string
	Password string
}

type holder struct{ attrs []attribute.KeyValue }

// false negative: a struct printed whole shows its Email and Password
// fields, but the rule does not look into the fields of printed values.
func printed(ctx context.Context, u User) {
	trace.SpanFromContext(ctx).SetAttributes(attribute.String("user", fmt.Sprintf("%+v", u)))
}

// false negative: a loop that copies every request header, Authorization
// included, onto the span; the rule cannot tell such a loop from one that
// filters the headers.
func everyHeader(r *http.Request) {
	span := trace.SpanFromContext(r.Context())
	for k, v := range r.Header {
		span.SetAttributes(attribute.StringSlice("http.request.header."+k, v))
	}
}

// false negative: attributes kept in a struct field are not followed.
func field(ctx context.Context, u User) {
	h := holder{attrs: []attribute.KeyValue{attribute.String("user.email", u.Email)}}
	trace.SpanFromContext(ctx).SetAttributes(h.attrs...)
}

// false negative: a String method's result is opaque, whatever its
// receiver is named.
func stringer(ctx context.Context, addr *mail.Address) {
	email := addr
	trace.SpanFromContext(ctx).SetAttributes(attribute.String("contact", email.String()))
}

// false negative: the key is a helper's parameter; the rule does not
// follow arguments into the functions they are passed to.
func pair(key, v string) attribute.KeyValue { return attribute.String(key, v) }

func viaParam(ctx context.Context, u User) {
	trace.SpanFromContext(ctx).SetAttributes(pair("user.email", u.Email))
}
