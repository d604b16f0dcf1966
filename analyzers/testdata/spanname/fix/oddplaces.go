package fix

import "context"

// A Start written over several lines, its arguments ending with a comma.
func multiLine(ctx context.Context, id string) {
	_, span := tracer.Start(
		ctx,
		"multi/"+id, // want `span name is built from id, `
	)
	defer span.End()
}

// A Start in an if statement's init.
func inInit(ctx context.Context, id string) {
	if _, span := tracer.Start(ctx, "init/"+id); span.IsRecording() { // want `span name is built from id, `
		span.End()
	}
}

// A one-line function.
func oneLine(ctx context.Context, id string) { _, s := tracer.Start(ctx, "one/"+id); s.End() } // want `span name is built from id, `

// The name the fix would import trace as is taken in scope.
func taken(ctx context.Context, id string) {
	trace := "x"
	_, span := tracer.Start(ctx, "taken/"+id) // want `span name is built from id, `
	defer span.End()
	_ = trace
}
