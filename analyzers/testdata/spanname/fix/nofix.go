package fix

import (
	"context"
	"fmt"
	"net/http"

	"go.opentelemetry.io/otel/trace"
)

// No fix: two variables, request data (the route is not a mechanical
// rewrite), a name that is only the variable, options passed with ...
func noFix(ctx context.Context, r *http.Request, tenantID, id string, opts []trace.SpanStartOption) {
	_, s1 := tracer.Start(ctx, fmt.Sprintf("%s/%s", tenantID, id)) // want `built from tenantID, `
	defer s1.End()
	_, s2 := tracer.Start(ctx, "GET "+r.URL.Path) // want `built from r\.URL\.Path, `
	defer s2.End()
	_, s3 := tracer.Start(ctx, id) // want `built from id, `
	defer s3.End()
	_, s4 := tracer.Start(ctx, "/"+id) // want `built from id, `
	defer s4.End()
	_, s5 := tracer.Start(ctx, "get/"+id, opts...) // want `built from id, `
	defer s5.End()
}

// A tracer of the application's own whose Start takes no options.
type myTracer struct{ t trace.Tracer }

func (m myTracer) Start(ctx context.Context, name string) (context.Context, trace.Span) { // want Start:"namesSpan\\(1\\)"
	return m.t.Start(ctx, name)
}

func own(ctx context.Context, m myTracer, id string) {
	_, span := m.Start(ctx, "get/"+id) // want `built from id, `
	defer span.End()
}
