package spanname_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/spanname"
)

func TestSpanname(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), spanname.Analyzer,
		"./spanname/basic", "./spanname/negative", "./spanname/otelhttp", "./spanname/frameworks", "./spanname/misc", "./spanname/limitations", "./spanname/helpers/...", "./sanity/...")
}

func TestSpannameFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), spanname.Analyzer, "./spanname/fix")
}

// TestHugeFunction analyses a function with thousands of names built from
// chains of variables, each assigned on two paths: classifying them must
// take linear time, not time exponential in the chain, and report exactly
// the unbounded names.
func TestHugeFunction(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(testutil.Dir())); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("package huge\n\nimport (\n\t\"context\"\n\n\t\"go.opentelemetry.io/otel\"\n)\n\nvar tracer = otel.Tracer(\"huge\")\n\nfunc huge(ctx context.Context, ok bool, userID string) {\n\tv0 := \"a\"\n")
	const n = 2000
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "\tv%d := v%d + \"x\"\n\tif ok {\n\t\tv%d = v%d + \"y\"\n\t}\n", i, i-1, i, i-1)
		if i%100 == 0 {
			fmt.Fprintf(&b, "\tv%d += userID\n", i) // every later name is unbounded
		}
		fmt.Fprintf(&b, "\t_, s%d := tracer.Start(ctx, v%d)\n\ts%d.End()\n", i, i, i)
	}
	b.WriteString("}\n")
	pkg := filepath.Join(dir, "huge")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkg, "huge.go"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	results := analysistest.Run(discard{t}, dir, spanname.Analyzer, "./huge")
	found := 0
	for _, r := range results {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		found += len(r.Diagnostics)
	}
	if want := n - 99; found != want {
		t.Errorf("got %d findings, want %d", found, want)
	}
}

// discard lets analysistest run without // want comments: the test counts
// the findings itself.
type discard struct{ *testing.T }

func (discard) Errorf(string, ...any) {}
