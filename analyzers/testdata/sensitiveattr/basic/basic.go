// Package basic covers the shapes of the tutorial this rule grew from: a
// handler that records the user's e-mail address on its span, through every
// place attributes reach a span (SetAttributes, Start options, events,
// recorded errors, links), with attribute constructors, semconv keys and
// helpers, and KeyValue literals.
package basic

import (
	"context"
	"errors"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.37.0"
	semconvnew "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

type User struct {
	ID    int64
	Name  string
	Email string
	Phone string
}

var tracer = otel.Tracer("basic")

func lookup(ctx context.Context, id string) (*User, error) {
	return &User{ID: 1, Email: "ada@example.com"}, nil
}

func Profile(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "profile")
	defer span.End()
	u, err := lookup(ctx, r.PathValue("id"))
	if err != nil {
		span.RecordError(err, trace.WithAttributes(attribute.String("user.email", r.FormValue("email")))) // want `attribute "user.email" carries an e-mail address from r.FormValue\("email"\) \(personal data on spans is readable by everyone with access to the tracing backend and kept for its retention\)`
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	span.SetAttributes(attribute.String("user.email", u.Email))                                                    // want `attribute "user.email" carries an e-mail address from u.Email \(personal data on spans`
	span.SetAttributes(semconv.UserEmail(u.Email))                                                                 // want `attribute "user.email" carries an e-mail address from u.Email`
	span.SetAttributes(semconvnew.UserEmail(u.Email), semconvnew.UserFullName(u.Name))                             // want `attribute "user.email" carries an e-mail address from u.Email` `attribute "user.full_name" carries a person's name from u.Name`
	span.SetAttributes(semconv.UserEmailKey.String(u.Email))                                                       // want `attribute "user.email" carries an e-mail address from u.Email`
	span.SetAttributes(attribute.Key("user.phone").String(u.Phone))                                                // want `attribute "user.phone" carries a phone number from u.Phone`
	span.SetAttributes(attribute.KeyValue{Key: "contact", Value: attribute.StringValue(u.Email)})                  // want `attribute "contact" carries an e-mail address from u.Email`
	span.AddEvent("profile.loaded", trace.WithAttributes(attribute.StringSlice("user.emails", []string{u.Email}))) // want `attribute "user.emails" carries an e-mail address from u.Email`
	w.Write([]byte(u.Name))
}

// The key alone says it: nothing else is known of the value.
func byKey(ctx context.Context, addr, pw string) {
	_, span := tracer.Start(ctx, "key", trace.WithAttributes(attribute.String("user.email", addr))) // want `attribute "user.email" carries an e-mail address from addr`
	defer span.End()
	span.SetAttributes(attribute.String("db.password", pw)) // want `attribute "db.password" carries a password from pw \(credentials on spans are readable by everyone with access to the tracing backend and kept for its retention\)`
}

// The value's name alone says it.
func byValue(ctx context.Context, u *User, creditCardNumber, cvv string) {
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(attribute.String("contact", u.Email))               // want `attribute "contact" carries an e-mail address from u.Email`
	span.SetAttributes(attribute.String("payment.card", creditCardNumber)) // want `attribute "payment.card" carries a card number from creditCardNumber \(payment card data on spans is readable`
	span.SetAttributes(attribute.String("payment.check", cvv))             // want `attribute "payment.check" carries a card security code from cvv`
}

// Links carry attributes too.
func link(ctx context.Context, u *User) {
	l := trace.LinkFromContext(ctx, attribute.String("origin.email", u.Email)) // want `attribute "origin.email" carries an e-mail address from u.Email`
	_, span := tracer.Start(ctx, "linked", trace.WithLinks(l, trace.Link{
		SpanContext: trace.SpanContextFromContext(ctx),
		Attributes:  []attribute.KeyValue{attribute.String("peer.email", u.Email)}, // want `attribute "peer.email" carries an e-mail address from u.Email`
	}))
	defer span.End()
	span.AddLink(trace.Link{Attributes: []attribute.KeyValue{attribute.String("secret", u.Name)}}) // want `attribute "secret" carries a secret from u.Name`
}

var errNotFound = errors.New("not found")

// Silent: the same handler done right.
func ProfileGood(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "profile")
	defer span.End()
	u, err := lookup(ctx, r.PathValue("id"))
	if err != nil {
		span.RecordError(errNotFound, trace.WithAttributes(attribute.String("lookup.outcome", "missing")))
		return
	}
	span.SetAttributes(semconv.UserID("1"), attribute.Int64("user.id", u.ID), attribute.Bool("user.email_verified", u.Email != ""))
}
