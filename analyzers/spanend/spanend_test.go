package spanend_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/spanend"
)

func TestSpanend(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), spanend.Analyzer,
		"./spanend/paths", "./spanend/dropped", "./spanend/reassign", "./spanend/loops",
		"./spanend/closures", "./spanend/negative", "./spanend/helpers/...", "./spanend/generics",
		"./spanend/suppress", "./spanend/peers", "./spanend/starterr/...",
		"./spanend/ctxhandoff", "./spanend/tests", "./spanend/generated")
}

func TestSpanendFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), spanend.Analyzer, "./spanend/fix")
}

func TestSpanendConfig(t *testing.T) {
	for _, f := range []struct{ name, value string }{
		{"start", "example.com/testdata/spanend/config.Begin"},
		{"end", "example.com/testdata/spanend/config.Done"},
	} {
		if err := spanend.Analyzer.Flags.Set(f.name, f.value); err != nil {
			t.Fatal(err)
		}
	}
	defer func() {
		*spans.Default.Options = spans.Options{}
	}()
	analysistest.Run(t, testutil.Dir(), spanend.Analyzer, "./spanend/config")
}

// TestSanity runs on odd but valid Go (and cgo) without a panic or a
// finding.
func TestSanity(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), spanend.Analyzer, "./sanity/...")
}

// TestHugeFunction analyses a function with thousands of spans and
// branches: it must finish (speed is measured in benchmarks, not here)
// and report exactly the leaks.
func TestHugeFunction(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(testutil.Dir())); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("package huge\n\nimport (\n\t\"context\"\n\n\t\"go.opentelemetry.io/otel\"\n)\n\nvar tracer = otel.Tracer(\"huge\")\n\nfunc huge(ctx context.Context, n int) error {\n")
	const spans = 2000
	for i := 0; i < spans; i++ {
		fmt.Fprintf(&b, "\t_, s%d := tracer.Start(ctx, \"s%d\")\n", i, i)
		if i%100 == 0 {
			fmt.Fprintf(&b, "\tif n == %d {\n\t\treturn nil\n\t}\n", i) // leaks s0..s%d
		}
		fmt.Fprintf(&b, "\ts%d.End()\n", i)
	}
	b.WriteString("\treturn nil\n}\n")
	pkg := filepath.Join(dir, "huge")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkg, "huge.go"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	results := analysistest.Run(discard{t}, dir, spanend.Analyzer, "./huge")
	n := 0
	for _, r := range results {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		n += len(r.Diagnostics)
	}
	if n != spans/100 {
		t.Errorf("got %d findings, want %d", n, spans/100)
	}
}

// discard lets analysistest run without // want comments: the test counts
// the findings itself.
type discard struct{ *testing.T }

func (discard) Errorf(string, ...any) {}

// TestSpanendCgo: a file that imports "C" is checked (cmd/cgo's rewrite of
// it carries cgo's "Code generated" header, which must not count), its
// finding points at the original file, and it carries no fix, whose edits
// would be offsets in cgo's output. A generated file that imports "C" is
// still skipped, by its own header.
func TestSpanendCgo(t *testing.T) {
	for _, r := range analysistest.Run(t, testutil.Dir(), spanend.Analyzer, "./spanend/cgo") {
		if len(r.Diagnostics) != 1 {
			t.Errorf("%d findings, want 1", len(r.Diagnostics))
		}
		for _, d := range r.Diagnostics {
			if p := r.Pass.Fset.Position(d.Pos); filepath.Base(p.Filename) != "cgo.go" || p.Line != 19 {
				t.Errorf("finding at %s, want cgo.go:19", p)
			}
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("finding in a cgo file carries a fix: %v", d.SuggestedFixes)
			}
		}
	}
}

func TestIssue13(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), spanend.Analyzer, "./spanend/issue13/endforms", "./spanend/issue13/wrappers")
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), spanend.Analyzer, "./spanend/issue13/fix")
}
