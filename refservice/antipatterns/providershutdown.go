package antipatterns

import (
	"context"
	"strings"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// BatchJob is the providershutdown anti-pattern: a batch job that builds
// its own provider with a batch span processor, traces its work and
// returns without shutting the provider down. The processor exports every
// five seconds; the job is over long before, so none of its spans is ever
// exported.
func BatchJob(ctx context.Context, exp sdktrace.SpanExporter, items []string) int {
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	tracer := tp.Tracer("batchjob")
	done := 0
	for _, item := range items {
		_, span := tracer.Start(ctx, "item")
		if strings.TrimSpace(item) != "" {
			done++
		}
		span.End()
	}
	return done
}
