// Package semkeys is a library of attribute keys in another module, as a
// company's shared telemetry module would hold them.
package semkeys

import "go.opentelemetry.io/otel/attribute"

// Method is the request method, under its deprecated key.
const Method = attribute.Key("http.method")
