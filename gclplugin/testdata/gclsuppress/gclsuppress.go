// Package gclsuppress covers suppression under golangci-lint. The
// end-to-end test copies it into the rules' testdata module (whose vendored
// OTel API it needs) as e2e/gclsuppress. Three spans leak:
//
//   - "plain" is reported by golangci-lint and the standalone driver;
//   - "nolinted" carries golangci-lint's own //nolint:otellint: golangci-lint
//     drops it (with its related position, folded into the message), the
//     standalone driver, which knows no nolint, reports it;
//   - "ignored" carries otellint's //otellint:ignore: the rule drops it, so
//     neither reports it.
package gclsuppress

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("gclsuppress")

func plain(ctx context.Context) {
	_, span := tracer.Start(ctx, "plain")
	span.AddEvent("x")
}

func nolinted(ctx context.Context) {
	_, span := tracer.Start(ctx, "nolinted") //nolint:otellint // e2e: golangci-lint drops this finding
	span.AddEvent("x")
}

func ignored(ctx context.Context) {
	//otellint:ignore spanend -- e2e: the rule drops this finding in every driver
	_, span := tracer.Start(ctx, "ignored")
	span.AddEvent("x")
}
