// Package keys is a library of attribute keys, used by package consts.
package keys

import "go.opentelemetry.io/otel/attribute"

// Method is the request method, under a deprecated key.
const Method = attribute.Key("http.method") // want `attribute key "http.method" is deprecated`
