package main_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestFactsBeyondExportData: a dependency that does not import the trace
// API is read from export data and gets no actions, yet the facts about a
// helper in the dependency beyond it still reach the main module. Here main
// starts a span through starter's method on a variable of package wrap,
// without importing starter, and never ends it; spanend knows that the
// method starts a span only from starter's facts. wrap's sentinels have no
// facts, so the one named as an outcome is judged by its name, by both
// drivers alike.
func TestFactsBeyondExportData(t *testing.T) {
	env := moduleCacheEnv(t)
	dir := t.TempDir()
	otelReq := "\nrequire go.opentelemetry.io/otel v1.47.0\n"
	writeFiles(t, dir, map[string]string{
		"main/go.mod": "module example.com/main\n\ngo 1.22\n\nrequire example.com/wrap v0.0.0\nrequire example.com/starter v0.0.0\n\n" +
			"replace example.com/wrap => ../wrap\nreplace example.com/starter => ../starter\n" + otelReq,
		// main imports the trace API, so spans matter in it, but not
		// starter: Begin's fact must come through wrap.
		"main/main.go": `package main

import (
	"context"

	"go.opentelemetry.io/otel/trace"

	"example.com/wrap"
)

var _ = trace.SpanKindInternal

func main() {
	_, span := wrap.W.Begin(context.Background(), "job")
	span.AddEvent("started")
}

// find returns wrap's sentinels: the one named as an outcome is expected
// by its name, as wrap has no facts; the other is a failure.
func find(ctx context.Context, tr trace.Tracer, id string) error {
	_, span := tr.Start(ctx, "find")
	defer span.End()
	if id == "" {
		return wrap.ErrNotFound
	}
	return wrap.ErrBroken
}
`,
		"wrap/go.mod": "module example.com/wrap\n\ngo 1.22\n\nrequire example.com/starter v0.0.0\n\nreplace example.com/starter => ../starter\n" + otelReq,
		"wrap/wrap.go": `// Package wrap does not import the trace API: it is read from export data.
package wrap

import (
	"errors"

	"example.com/starter"
)

// W is a starter.
var W starter.Starter

var (
	ErrNotFound = errors.New("no such thing")
	ErrBroken   = errors.New("broken")
)
`,
		"starter/go.mod": "module example.com/starter\n\ngo 1.22\n" + otelReq,
		"starter/starter.go": `package starter

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

type Starter struct{}

// Begin starts a span that the caller ends.
func (Starter) Begin(ctx context.Context, name string) (context.Context, trace.Span) {
	return otel.Tracer("starter").Start(ctx, name)
}
`,
	})
	for _, m := range []string{"starter", "wrap", "main"} {
		if r := run(t, filepath.Join(dir, m), env, "go", "mod", "tidy", "-e"); r.code != 0 {
			t.Fatalf("go mod tidy in %s: %s", m, r.stderr)
		}
	}
	r := run(t, filepath.Join(dir, "main"), env, binary, "-stats", ".")
	if r.code != 3 || !strings.Contains(r.stdout, `main.go:14:13: spanend: span "job" is not ended`) {
		t.Errorf("exit code %d, want 3 and the span started through wrap reported\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "main.go:26:2: spanerror: error returned") || strings.Contains(r.stdout, "main.go:24:") {
		t.Errorf("want wrap.ErrBroken reported and wrap.ErrNotFound not\nstdout:\n%s", r.stdout)
	}
	vet := run(t, filepath.Join(dir, "main"), env, "go", "vet", "-vettool="+binary, ".")
	for _, want := range []string{"main.go:14:13", "main.go:26:2"} {
		if !strings.Contains(vet.stderr, want) {
			t.Errorf("go vet: want a finding at %s\nstderr:\n%s", want, vet.stderr)
		}
	}
	if strings.Contains(vet.stderr, "main.go:24:") {
		t.Errorf("go vet reports wrap.ErrNotFound:\n%s", vet.stderr)
	}
	// wrap is no source package: one root, starter, and the rest export data.
	if !strings.Contains(r.stderr, "1 root packages; 2 loaded from source") {
		t.Errorf("want main and starter from source, wrap from export data:\n%s", r.stderr)
	}
}
