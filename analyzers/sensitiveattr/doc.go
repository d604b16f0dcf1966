// Package sensitiveattr defines an Analyzer that reports span attributes
// that carry secrets or personal data.
//
// # Analyzer sensitiveattr
//
// sensitiveattr: check that span attributes carry no credentials or personal data
//
// Telemetry leaves the service: the tracing backend keeps spans for weeks,
// and everyone with access to it can read them, usually far more people
// than may read the user database or the secret store. A password, token
// or session cookie on a span is a credential handed to all of them (and
// to whoever breaches the backend); an e-mail address or phone number on a
// span is personal data stored without the controls the law asks for
// (erasure on request, a retention limit, access control), and card
// numbers on spans break PCI DSS.
//
// The rule follows attribute values to the places where they reach a span:
// Span.SetAttributes (of trace.Span and of concrete spans), trace.WithAttributes
// (options of Start, AddEvent and RecordError), trace.LinkFromContext and the
// Attributes of a trace.Link literal. Attributes are recognised as they are
// built (attribute.String("k", v) and its siblings, attribute.Key("k").String(v),
// semconv keys and helpers such as semconv.UserEmail(v) and
// semconv.HTTPRequestHeader("authorization", v...), KeyValue literals), in
// place or through a local variable: a KeyValue, a []attribute.KeyValue
// built with a literal and append, or a function of the same package that
// returns them.
//
// A value is reported when it carries
//
//   - credentials from a request or a response: the Authorization,
//     Proxy-Authorization, Cookie, Set-Cookie and X-Api-Key headers (read with
//     Header.Get, Header.Values or r.Header["..."], any case; gin's
//     GetHeader and fiber's Get; gRPC metadata's Get), any header whose name
//     says secret or personal data (X-Auth-Token), a cookie's value
//     (r.Cookie(name).Value, c.String(), r.Cookies(), gin's and fiber's cookie
//     getters), the password of r.BasicAuth() (the user name is fine), the
//     password of a URL (u.User.Password()), all of r.Header or a whole
//     *http.Request printed with fmt;
//   - data whose name says it is secret or personal: a variable, a struct
//     field, a map key, a function or method (u.GetEmail()), a named string type,
//     the name looked up by os.Getenv, r.FormValue, url.Values.Get and
//     similar getters with a constant name (os.Getenv("DB_PASSWORD")), and the
//     attribute key itself when nothing else is known of the value
//     (attribute.String("user.email", v)).
//
// Local variables carry what is assigned to them, in any order in the
// function (auth := r.Header.Get("Authorization"); tok := strings.TrimPrefix(auth,
// "Bearer ")), and so do the results of the functions that only re-case,
// trim, split, quote or encode their argument (strings.ToLower, strings.Cut,
// base64's EncodeToString, hex.EncodeToString...), string concatenation,
// fmt.Sprint and fmt.Sprintf (except operands printed with %T or %p).
// Other functions are opaque: only their name says what they return, as
// a variable's would (u.GetEmail() and lookupEmail(id) return an address,
// emailDomain(u.Email) does not).
//
// Names are split into words at camelCase, snake_case, dots and dashes
// (APIKey: api key; user.email: user email), and the table holds phrases of
// those words: password, passwd, passphrase, secret, secret key, client
// secret, token (and access, auth, refresh and bearer token, jwt), api key,
// private key, credential(s), creds; e-mail/email, phone (number), ssn,
// passport, iban, date of birth (birthdate, dob), full, first and last name
// (surname); card number, credit card, cvv and cvc.
//
// Bad:
//
//	func (s *Server) profile(w http.ResponseWriter, r *http.Request) {
//		u, err := s.users.Get(r.Context(), r.PathValue("id"))
//		...
//		span := trace.SpanFromContext(r.Context())
//		span.SetAttributes(attribute.String("user.email", u.Email)) // want: attribute "user.email" carries an e-mail address from u.Email (personal data on spans is readable by everyone with access to the tracing backend and kept for its retention)
//		span.SetAttributes(attribute.String("http.request.header.authorization", r.Header.Get("Authorization"))) // want: attribute "http.request.header.authorization" carries the request's Authorization header (credentials on spans are readable by everyone with access to the tracing backend and kept for its retention)
//	}
//
// Good:
//
//	span.SetAttributes(
//		semconv.UserID(u.ID),
//		attribute.Bool("user.email_verified", u.EmailVerified),
//		attribute.String("auth.scheme", scheme), // "Bearer", not the token
//	)
//
// The line drawn, on purpose (not findings):
//
//   - booleans and numbers: a presence, a count, a length, a flag
//     (attribute.Bool("auth.token_present", tok != ""), attribute.Int("token.length",
//     len(tok)));
//   - constants: they describe (attribute.String("auth.method", "password"),
//     auth.token_type="Bearer") and are in the source code for all to read
//     anyway; a hard-coded secret is a problem of its own, for a secret
//     scanner;
//   - names that describe the data instead of holding it: a phrase followed
//     by another word (email_verified, email.domain, token.type, token_count,
//     secret.name, password_policy, api_key_file), except words that still
//     name the data itself (address, value, raw, string, text, number,
//     header...: email_address, token_value, phone_number), or preceded by
//     hashed, masked, redacted, encrypted, has, is, num, count
//     (hashed_password, masked_email, has_token); a page, next,
//     continuation, sync, resume or cancellation token is a cursor, not a
//     credential; and a value so named is not reported whatever the key
//     says (attribute.String("user.email", emailDomain));
//   - IDs: a name that ends in ID, UUID or GUID (user.id, token_id,
//     session.id, key.ID) identifies the data; it is not the secret. A
//     session ID read from the session cookie is still reported, as the
//     cookie's value;
//   - values passed through a function whose name says it hashes, redacts,
//     masks or anonymises (hash, sha256, md5, hmac, digest, fingerprint,
//     redact, mask, anonymize/anonymise, pseudonymize, obfuscate, scrub,
//     sanitize, encrypt, censor), or any function of crypto/..., hash/...
//     and golang.org/x/crypto/...; a variable assigned such a value anywhere
//     in the function is safe (tok = hash(tok));
//   - truncating is not redacting: token[:8] and an e-mail cut short are
//     still reported, since a part of a secret or an address gives it away;
//   - type names (fmt.Sprintf("%T", tok)) and lengths;
//   - test code: _test.go files and test-support packages (an element of
//     the import path such as testutil, mocks, fakes, as blockinghandler
//     tells them): tests put made-up data on the spans of test providers.
//     Examples are checked: their readers copy them.
//
// # Configuration
//
// -sensitiveattr.names adds names to the table, comma-separated, each
// optionally followed by :personal, :card or :credential (the default):
// -sensitiveattr.names=national_id:personal,pin. A name is split into words
// as the names it matches are (national_id, nationalId and NATIONAL_ID are
// the same), and matches on word boundaries like the built-in phrases.
//
// -sensitiveattr.generated selects the generated files checked: wrappers
// (the default: those of tracing-wrapper generators such as gowrap, whose
// findings name the template to fix), all or none.
//
// # Limitations
//
// The rule sees one package at a time and attributes built in it: a helper
// of another package that returns attributes, an attribute slice passed in
// as a parameter or kept in a struct field, and values that come back from
// a function (other than the transparent ones above) are not followed, nor
// are arguments into the functions they are passed to: a helper that builds
// attribute.String(key, v) from its parameters is not judged by what its
// callers pass.
// Values are followed through local variables without regard to order or
// paths, and only through names and the sources above: a struct printed
// whole (fmt.Sprintf("%+v", user)) is not looked into, and a loop that
// copies every request header onto the span (for k, v := range r.Header)
// is not reported, since it cannot tell whether the loop filters them. Span
// names, status descriptions and recorded errors' messages are not checked,
// nor are logs, metrics and baggage.
//
// The reference service shows the consequence at run time:
// refservice/antipatterns/sensitiveattr.go records the user's e-mail address
// on its span, and the exported span carries it.
package sensitiveattr
