// Package deps pins the OpenTelemetry API packages that the rule testdata
// imports, so that `go mod vendor` keeps them in vendor/.
package deps

import (
	_ "go.opentelemetry.io/otel"
	_ "go.opentelemetry.io/otel/attribute"
	_ "go.opentelemetry.io/otel/codes"
	_ "go.opentelemetry.io/otel/trace"
	_ "go.opentelemetry.io/otel/trace/noop"

	_ "example.com/telemetry"
	_ "golang.org/x/sync/errgroup"
)
