// Package negative holds real instrumentation idioms that carry no secret
// or personal data and must stay silent: semantic-convention request
// attributes, counts and flags about credentials, descriptions of them
// (types, schemes, names of secrets, IDs), LLM token counts, pagination
// tokens, constants, hashed and masked values.
package negative

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.37.0"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("negative")

type User struct {
	ID             int64
	Username       string
	Email          string
	EmailVerified  bool
	Password       string
	PasswordHash   string
	PasswordSetAt  time.Time
	PhoneVerified  bool
	APIKeyID       string
	TokenExpiresAt time.Time
}

func Handler(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "GET /user/{id}", trace.WithAttributes(
		semconv.HTTPRequestMethodKey.String(r.Method),
		semconv.URLPath(r.URL.Path),
		semconv.ClientAddress(r.RemoteAddr),
		semconv.UserAgentOriginal(r.UserAgent()),
		semconv.HTTPRoute(r.Pattern),
	))
	defer span.End()
	u := load(ctx)
	auth := r.Header.Get("Authorization")
	scheme, _, _ := strings.Cut(auth, " ")
	span.SetAttributes(
		semconv.UserID(strconv.FormatInt(u.ID, 10)),
		semconv.UserName(u.Username),
		attribute.Int64("user.id", u.ID),
		attribute.Bool("user.email_verified", u.EmailVerified),
		attribute.Bool("user.phone_verified", u.PhoneVerified),
		attribute.String("user.phone_verified", strconv.FormatBool(u.PhoneVerified)),
		attribute.Bool("auth.token_present", auth != ""),
		attribute.Int("auth.token_length", len(auth)),
		attribute.String("auth.method", "password"),
		attribute.String("auth.token_type", "Bearer"),
		attribute.String("auth.scheme", scheme),
		attribute.Int("token.count", 3),
		attribute.String("user.password_set_at", u.PasswordSetAt.Format(time.RFC3339)),
		attribute.String("auth.api_key_id", u.APIKeyID),
		attribute.String("auth.token_expires_at", u.TokenExpiresAt.String()),
		attribute.String("error.type", fmt.Sprintf("%T", ctx.Err())),
	)
	span.AddEvent("password.changed", trace.WithAttributes(attribute.Bool("password.strong", len(u.Password) > 12)))
}

func load(ctx context.Context) User { return User{} }

// LLM usage counts tokens; pagination tokens are cursors.
func llm(ctx context.Context, model string, in, out int, nextPageToken string) {
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(
		attribute.String("gen_ai.request.model", model),
		attribute.Int("gen_ai.usage.input_tokens", in),
		attribute.Int("gen_ai.usage.output_tokens", out),
		attribute.Int("gen_ai.request.max_tokens", 1024),
		attribute.String("list.next_page_token", nextPageToken),
	)
}

// Names of secrets, their versions and paths describe them.
type Secret struct {
	Name, Version, Path, ARN string
}

func secrets(ctx context.Context, s Secret, kind string) {
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(
		attribute.String("k8s.secret.name", s.Name),
		attribute.String("vault.secret.path", s.Path),
		attribute.String("secret.version", s.Version),
		attribute.String("aws.secretsmanager.secret_arn", s.ARN),
		attribute.String("credential.type", kind),
		attribute.String("jwt.alg", "RS256"),
	)
}

// Hashed, masked and redacted values are what a span should carry.
func hashed(ctx context.Context, u User, dsn string) {
	span := trace.SpanFromContext(ctx)
	sum := sha256.Sum256([]byte(u.Email))
	masked := maskEmail(u.Email)
	span.SetAttributes(
		attribute.String("user.email_sha256", hex.EncodeToString(sum[:])),
		attribute.String("user.email", masked),
		attribute.String("user.password_hash_algo", "bcrypt"),
		attribute.String("db.connection", redactDSN(dsn)),
		attribute.String("user.hash", hashEmail(u.Email)),
	)
}

func maskEmail(s string) string { return "***" }
func redactDSN(s string) string { return "***" }
func hashEmail(s string) string { return "" }

// Sessions are identified by ID: the ID is not the secret.
func session(ctx context.Context, sessionID string, tokenID string) {
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(
		semconv.SessionID(sessionID),
		attribute.String("session.id", sessionID),
		attribute.String("auth.token", tokenID),
	)
}

// Attributes that go elsewhere than spans are not this rule's business.
func notSpans(u User) attribute.Set {
	return attribute.NewSet(attribute.String("user.email", u.Email))
}

// A loop over the request's headers that keeps those on an allow list:
// which header a value is cannot be told, so the loop is not reported.
func allowed(w http.ResponseWriter, r *http.Request) {
	keep := map[string]bool{"Accept": true, "User-Agent": true}
	var attrs []attribute.KeyValue
	for k, v := range r.Header {
		if !keep[k] {
			continue
		}
		attrs = append(attrs, attribute.StringSlice("http.request.header."+strings.ToLower(k), v))
	}
	trace.SpanFromContext(r.Context()).SetAttributes(attrs...)
}

// A deliberate exception, suppressed with its reason.
func support(ctx context.Context, u User) {
	//otellint:ignore sensitiveattr -- the support tenant's spans stay in its own backend
	trace.SpanFromContext(ctx).SetAttributes(attribute.String("support.user.email", u.Email))
}
