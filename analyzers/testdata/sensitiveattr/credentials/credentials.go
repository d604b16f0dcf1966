// Package credentials covers credentials read from requests and responses:
// credential headers (any case, Get, Values and index), headers named like
// secrets, cookies, basic authentication, URL passwords, whole headers and
// requests printed, and the header templates of semconv.
package credentials

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.37.0"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("credentials")

func Headers(w http.ResponseWriter, r *http.Request) {
	span := trace.SpanFromContext(r.Context())
	span.SetAttributes(attribute.String("http.request.header.authorization", r.Header.Get("Authorization"))) // want `attribute "http.request.header.authorization" carries the request's Authorization header \(credentials on spans are readable by everyone with access to the tracing backend and kept for its retention\)`
	span.SetAttributes(attribute.String("auth", r.Header.Get("authorization")))                              // want `attribute "auth" carries the request's Authorization header`
	span.SetAttributes(attribute.StringSlice("proxy", r.Header.Values("Proxy-Authorization")))               // want `attribute "proxy" carries the request's Proxy-Authorization header`
	span.SetAttributes(attribute.StringSlice("cookies", r.Header["Cookie"]))                                 // want `attribute "cookies" carries the request's Cookie header`
	span.SetAttributes(attribute.String("key", r.Header["X-Api-Key"][0]))                                    // want `attribute "key" carries the request's X-Api-Key header`
	span.SetAttributes(attribute.String("client.token", r.Header.Get("X-Auth-Token")))                       // want `attribute "client.token" carries the request's X-Auth-Token header`
	span.SetAttributes(semconv.HTTPRequestHeader("authorization", r.Header.Values("Authorization")...))      // want `attribute "http.request.header.authorization" carries the request's Authorization header`
	span.SetAttributes(attribute.StringSlice("http.request.header.cookie", []string{"redacted"}[:0]))        // silent: a constant
	w.Header().Set("Set-Cookie", "session=1")
	span.SetAttributes(attribute.String("set", w.Header().Get("Set-Cookie"))) // want `attribute "set" carries the response's Set-Cookie header`

	// The key template alone says it.
	var v string
	span.SetAttributes(attribute.String("http.request.header.x-api-key", v))   // want `attribute "http.request.header.x-api-key" carries the request's X-Api-Key header`
	span.SetAttributes(attribute.String("http.response.header.set-cookie", v)) // want `attribute "http.response.header.set-cookie" carries the response's Set-Cookie header`
}

// A local variable carries what it was assigned, through the functions
// that only trim or split it.
func Bearer(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "bearer")
	defer span.End()
	auth := r.Header.Get("Authorization")
	tok := strings.TrimPrefix(auth, "Bearer ")
	_, raw, _ := strings.Cut(auth, " ")
	parts := strings.Split(auth, " ")
	span.SetAttributes(attribute.String("auth.value", tok))                             // want `attribute "auth.value" carries the request's Authorization header`
	span.SetAttributes(attribute.String("auth.raw", raw))                               // want `attribute "auth.raw" carries the request's Authorization header`
	span.SetAttributes(attribute.String("auth.part", parts[1]))                         // want `attribute "auth.part" carries the request's Authorization header`
	span.SetAttributes(attribute.String("auth.prefix", tok[:8]))                        // want `attribute "auth.prefix" carries the request's Authorization header`
	span.SetAttributes(attribute.String("auth.header", fmt.Sprintf("scheme=%s", auth))) // want `attribute "auth.header" carries the request's Authorization header`
	_ = ctx
}

func Cookies(w http.ResponseWriter, r *http.Request) {
	span := trace.SpanFromContext(r.Context())
	c, err := r.Cookie("session")
	if err != nil {
		return
	}
	span.SetAttributes(attribute.String("session", c.Value))             // want `attribute "session" carries the value of the request's cookie "session"`
	span.SetAttributes(attribute.String("cookie", c.String()))           // want `attribute "cookie" carries the value of the request's cookie "session"`
	span.SetAttributes(attribute.Stringer("cookie.full", c))             // want `attribute "cookie.full" carries the value of the request's cookie "session"`
	span.SetAttributes(attribute.String("all", fmt.Sprint(r.Cookies()))) // want `attribute "all" carries the value of the request's cookies`
	for _, ck := range r.Cookies() {
		span.SetAttributes(attribute.String("cookie."+ck.Name, ck.Value)) // want `attribute with key "cookie." \+ ck.Name carries the value of the request's cookies`
	}
	// Silent: a cookie's name, path and expiry are not its value.
	span.SetAttributes(attribute.String("cookie.name", c.Name), attribute.String("cookie.path", c.Path), attribute.Bool("cookie.secure", c.Secure))
}

func Basic(w http.ResponseWriter, r *http.Request) {
	span := trace.SpanFromContext(r.Context())
	user, pass, ok := r.BasicAuth()
	if !ok {
		return
	}
	span.SetAttributes(attribute.String("auth.user", user)) // silent: the user name
	span.SetAttributes(attribute.String("auth.pass", pass)) // want `attribute "auth.pass" carries the password of the request's basic authentication`
}

func URL(span trace.Span, u *url.URL) {
	pw, _ := u.User.Password()
	span.SetAttributes(attribute.String("db.user", u.User.Username())) // silent
	span.SetAttributes(attribute.String("db.pw", pw))                  // want `attribute "db.pw" carries the password of a URL`
}

// Whole headers and requests, printed.
func Whole(w http.ResponseWriter, r *http.Request, resp *http.Response) {
	span := trace.SpanFromContext(r.Context())
	span.SetAttributes(attribute.String("http.headers", fmt.Sprint(r.Header)))               // want `attribute "http.headers" carries every header of the request, Authorization and Cookie included`
	span.SetAttributes(attribute.String("upstream.headers", fmt.Sprintf("%v", resp.Header))) // want `attribute "upstream.headers" carries every header of the response, Set-Cookie included`
	span.SetAttributes(attribute.String("request", fmt.Sprintf("%+v", r)))                   // want `attribute "request" carries the whole request, its Authorization and Cookie headers included`
	span.SetAttributes(attribute.String("request.type", fmt.Sprintf("%T", r)))               // silent: a type name
}

// Silent: headers that carry no credentials, and what describes the
// credential headers.
func Harmless(w http.ResponseWriter, r *http.Request) {
	span := trace.SpanFromContext(r.Context())
	auth := r.Header.Get("Authorization")
	scheme, _, _ := strings.Cut(auth, " ")
	span.SetAttributes(
		attribute.String("http.request.header.user-agent", r.Header.Get("User-Agent")),
		attribute.String("http.request.header.x-request-id", r.Header.Get("X-Request-Id")),
		attribute.StringSlice("http.request.header.accept", r.Header.Values("Accept")),
		attribute.Bool("auth.present", auth != ""),
		attribute.Int("auth.length", len(auth)),
		attribute.String("auth.scheme", "Bearer"),
		attribute.String("auth.scheme", scheme),
		attribute.String("content.type", r.Header.Get("Content-Type")),
		semconv.HTTPRequestHeader("content-type", r.Header.Values("Content-Type")...),
		semconv.UserAgentOriginal(r.UserAgent()),
	)
}
