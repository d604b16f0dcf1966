// Package names covers names that say secret or personal data: variables,
// fields, map keys, getters, looked-up names, named types, attribute keys,
// in camelCase, snake_case, dotted and dashed spellings, on word
// boundaries.
package names

import (
	"context"
	"os"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

type Config struct {
	DBPassword   string
	APIKey       string
	ClientSecret string
	PrivateKey   []byte
	SecretName   string
	APIKeyID     string
	TokenURL     string
}

type Account struct {
	SSN         string
	DateOfBirth string
	FullName    string
	IBAN        string
}

type Claims struct{ email string }

func (c Claims) GetEmail() string    { return c.email }
func (c Claims) Subject() string     { return "sub" }
func (c Claims) MaskedEmail() string { return "a***@example.com" }

type Password string

func config(ctx context.Context, cfg Config, claims Claims, m map[string]string, acct Account) {
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(attribute.String("db.config", cfg.DBPassword))      // want `attribute "db.config" carries a password from cfg.DBPassword`
	span.SetAttributes(attribute.String("upstream", cfg.APIKey))           // want `attribute "upstream" carries an API key from cfg.APIKey`
	span.SetAttributes(attribute.String("oauth.client", cfg.ClientSecret)) // want `attribute "oauth.client" carries a secret from cfg.ClientSecret`
	span.SetAttributes(attribute.String("tls", string(cfg.PrivateKey)))    // want `attribute "tls" carries a private key from cfg.PrivateKey`
	span.SetAttributes(attribute.String("user", claims.GetEmail()))        // want `attribute "user" carries an e-mail address from claims.GetEmail\(\)`
	span.SetAttributes(attribute.String("user", m["email"]))               // want `attribute "user" carries an e-mail address from m\["email"\]`
	span.SetAttributes(attribute.String("api", os.Getenv("GITHUB_TOKEN"))) // want `attribute "api" carries a token from os.Getenv\("GITHUB_TOKEN"\)`
	span.SetAttributes(attribute.String("person", acct.SSN))               // want `attribute "person" carries a social security number from acct.SSN`
	span.SetAttributes(attribute.String("person", acct.DateOfBirth))       // want `attribute "person" carries a date of birth from acct.DateOfBirth`
	span.SetAttributes(attribute.String("person", acct.FullName))          // want `attribute "person" carries a person's name from acct.FullName`
	span.SetAttributes(attribute.String("bank", acct.IBAN))                // want `attribute "bank" carries a bank account number from acct.IBAN`

	// Keys in every spelling.
	var v string
	span.SetAttributes(
		attribute.String("user.emailAddress", v),               // want `attribute "user.emailAddress" carries an e-mail address from v`
		attribute.String("user.e-mail", v),                     // want `attribute "user.e-mail" carries an e-mail address from v`
		attribute.String("auth.access_token", v),               // want `attribute "auth.access_token" carries a token from v`
		attribute.String("auth.refreshToken", v),               // want `attribute "auth.refreshToken" carries a token from v`
		attribute.String("x-api-key", v),                       // want `attribute "x-api-key" carries an API key from v`
		attribute.String("APIKEY", v),                          // want `attribute "APIKEY" carries an API key from v`
		attribute.String("user.phone_number", v),               // want `attribute "user.phone_number" carries a phone number from v`
		attribute.String("card.number", v),                     // want `attribute "card.number" carries a card number from v`
		attribute.String("aws.secret_key", v),                  // want `attribute "aws.secret_key" carries a secret from v`
		attribute.String("user.passwd", v),                     // want `attribute "user.passwd" carries a password from v`
		attribute.String("login.credentials", v),               // want `attribute "login.credentials" carries credentials from v`
		attribute.String("user.new_password", v),               // want `attribute "user.new_password" carries a password from v`
		attribute.String("user.email_hash", claims.GetEmail()), // want `attribute "user.email_hash" carries an e-mail address from claims.GetEmail\(\)`
	)

	// A named string type says it.
	var p Password
	span.SetAttributes(attribute.String("login", string(p))) // want `attribute "login" carries a password from p`
}

// Silent: names that describe the data or identify it, not the data.
func describing(ctx context.Context, cfg Config, claims Claims) {
	span := trace.SpanFromContext(ctx)
	var v string
	span.SetAttributes(
		attribute.String("k8s.secret.name", cfg.SecretName),
		attribute.String("upstream.api_key_id", cfg.APIKeyID),
		attribute.String("oauth.token_url", cfg.TokenURL),
		attribute.String("jwt.subject", claims.Subject()),
		attribute.String("user.email", claims.MaskedEmail()),
		attribute.String("user.email_domain", v),
		attribute.String("auth.token_type", v),
		attribute.String("user.password_policy", v),
		attribute.String("list.next_page_token", v),
		attribute.String("list.pageToken", v),
		attribute.String("auth.method", v),
		attribute.String("user.id", v),
		attribute.String("session.id", v),
		attribute.String("auth.token_id", v),
		attribute.String("tokenizer", v),
		attribute.String("phone.os", v),
		attribute.String("hashed_password", v),
		attribute.String("user.emailer", v),
		attribute.String("key", v),
		attribute.String("passkey.rp", v),
	)
}
