// Package consts covers the module's own attribute.Key constants: checked
// once, where they are declared; their value types where they are used.
package consts

import (
	"net/http"
	"strconv"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"example.com/telemetry/semkeys"
	"example.com/testdata/attrkey/consts/keys"
)

const (
	keyMethod                 = attribute.Key("http.method") // want `attribute key "http.method" is deprecated by the semantic conventions; use "http.request.method"`
	keyStatus   attribute.Key = "http.response.status_code"
	keyTypo     attribute.Key = "http.route.templte" // not one edit from a key: silent
	keyRoutee   attribute.Key = "http.routee"        // want `attribute key "http.routee" is not in the semantic conventions, which define "http.route"`
	keyError    attribute.Key = "error"              // want `attribute key "error" is an OpenTracing tag`
	keyTenant   attribute.Key = "app.tenant"
	keyPeerName               = attribute.Key("net.peer.name") // want `attribute key "net.peer.name" is deprecated by the semantic conventions, with no single replacement`
)

// Variables initialised with a constant key are checked where declared;
// their uses are not constant.
var (
	keyURL    = attribute.Key("http.url") // want `attribute key "http.url" is deprecated by the semantic conventions; use "url.full"`
	keyRoute  = attribute.Key("http.route")
	keyByName = attribute.Key(name())
)

func name() string { return "http.route" }

func vars(span trace.Span, r *http.Request) {
	span.SetAttributes(keyURL.String(r.URL.String()), keyRoute.String(r.Pattern), keyByName.String(r.Pattern))
}

func use(span trace.Span, r *http.Request, status int) {
	span.SetAttributes(
		keyMethod.String(r.Method),             // reported at the declaration
		keyStatus.String(strconv.Itoa(status)), // want `attribute "http.response.status_code" gets a string value, but the semantic conventions define it as int`
		keyStatus.Int(status),
		keyTypo.String("x"),
		keyRoutee.String("x"),
		keyError.Bool(true),
		keyTenant.String("t"),
		keyPeerName.String(r.Host),
	)
	// A constant of another package of the module: checked where it is
	// declared, once.
	span.SetAttributes(keys.Method.String(r.Method))
	// Another module's constant: checked where it is used, without a fix.
	span.SetAttributes(semkeys.Method.String(r.Method)) // want `attribute key "http.method" is deprecated`
	const local = attribute.Key("http.scheme")          // want `attribute key "http.scheme" is deprecated by the semantic conventions; use "url.scheme"`
	span.SetAttributes(local.String(r.URL.Scheme))
}
