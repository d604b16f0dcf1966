// Package basic covers spans attached to the wrong parent.
package basic

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("basic")

// load starts a span of its own: a child of whatever span ctx carries.
func load(ctx context.Context) {
	_, span := tracer.Start(ctx, "load")
	span.End()
}

func handler(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(context.Background(), "handle") // want `span "handle" starts from context.Background\(\) while r.Context\(\) is in scope \(an orphan root: it is missing from the request's trace\)`
	defer span.End()
}

func todo(ctx context.Context) {
	ctx, span := tracer.Start(context.TODO(), "todo") // want `span "todo" starts from context.TODO\(\) while ctx is in scope`
	defer span.End()
	load(ctx)
}

func dropped(ctx context.Context) {
	_, span := tracer.Start(ctx, "parent") // want `the context returned by Start for span "parent" is dropped while the old context is still passed on \(children of the span become its siblings\)`
	defer span.End()
	load(ctx)
}

func droppedRequest(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "handle") // want `the context returned by Start for span "handle" is dropped`
	defer span.End()
	load(r.Context())
}

func loop(ctx context.Context, items []string) {
	for _, it := range items {
		var span trace.Span
		ctx, span = tracer.Start(ctx, it) // want `span started by tracer.Start at line 46 reassigns ctx in a loop: each iteration's span nests under the previous one instead of sharing a parent`
		span.End()
	}
}

func assignedUnused(ctx context.Context) {
	child := ctx
	load(child)
	var span trace.Span
	child, span = tracer.Start(ctx, "unused") // want `the context returned by Start for span "unused" is assigned to child and never used`
	defer span.End()
	load(ctx)
}
