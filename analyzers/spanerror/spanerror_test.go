package spanerror_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/spanend"
	"github.com/otellint/otellint/analyzers/spanerror"
)

func TestSpanerror(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), spanerror.Analyzer,
		"./spanerror/basic", "./spanerror/negative", "./spanerror/helpers/...", "./spanerror/errnames",
		"./spanerror/grpcstatus/...", "./spanerror/httperr", "./spanerror/ctxerr", "./spanerror/sentinels/...",
		"./spanerror/knownnil", "./spanerror/dynstatus", "./spanerror/deferptr", "./spanerror/messages",
		"./spanerror/errtypes", "./spanerror/neverfails", "./spanerror/rewrite", "./spanerror/chans", "./spanerror/sealed", "./spanerror/validation",
		"./spanerror/lookups")
}

func TestSpanerrorFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), spanerror.Analyzer, "./spanerror/fix")
}

func TestSpanerrorConfig(t *testing.T) {
	for _, f := range []struct{ name, value string }{
		{"expected", "example.com/testdata/spanerror/config.ErrMissing,example.com/testdata/spanerror/config.probe,example.com/testdata/spanerror/config.fetch,example.com/testdata/spanerror/config.validate,example.com/testdata/spanerror/config.check"},
		{"recorders", "example.com/testdata/spanerror/config.report"},
		{"record", "true"},
	} {
		if err := spanerror.Analyzer.Flags.Set(f.name, f.value); err != nil {
			t.Fatal(err)
		}
	}
	defer func() {
		spanerror.Analyzer.Flags.Set("record", "false")
		*spans.Default.Options = spans.Options{}
	}()
	analysistest.Run(t, testutil.Dir(), spanerror.Analyzer, "./spanerror/config")
}

// TestSanity runs on odd but valid Go without a panic or a finding.
func TestSanity(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), spanerror.Analyzer, "./sanity/...")
}

func TestSpanerrorNoStatus(t *testing.T) {
	if err := spanerror.Analyzer.Flags.Set("status", "false"); err != nil {
		t.Fatal(err)
	}
	defer spanerror.Analyzer.Flags.Set("status", "true")
	analysistest.Run(t, testutil.Dir(), spanerror.Analyzer, "./spanerror/nostatus")
}

// TestSpanerrorGenerated: by default the files of tracing-wrapper
// generators (gowrap) are checked and other generated files are not;
// -generated=all checks every generated file, -generated=none none.
func TestSpanerrorGenerated(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), spanerror.Analyzer, "./spanerror/generated")

	all := spanerror.New(spans.New())
	if err := all.Flags.Set("generated", "all"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.Dir(), all, "./spanerror/generatedall")

	none := spanerror.New(spans.New())
	if err := none.Flags.Set("generated", "none"); err != nil {
		t.Fatal(err)
	}
	for _, r := range analysistest.Run(quiet{t}, testutil.Dir(), none, "./spanerror/generated", "./spanerror/generatedall") {
		for _, d := range r.Diagnostics {
			t.Errorf("-generated=none: %v: %s", r.Pass.Fset.Position(d.Pos), d.Message)
		}
	}
	if err := none.Flags.Set("generated", "true"); err == nil {
		t.Error("-generated=true: want an error")
	}
}

// quiet lets analysistest run without matching // want comments: the test
// checks the findings itself.
type quiet struct{ *testing.T }

func (quiet) Errorf(string, ...any) {}
func TestSpanerrorStrict(t *testing.T) {
	if err := spanerror.Analyzer.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	defer spanerror.Analyzer.Flags.Set("strict", "false")
	analysistest.Run(t, testutil.Dir(), spanerror.Analyzer, "./spanerror/strict")
}

// TestIssue13: the status fix names the codes package by a name that is
// not shadowed where the status is set; a span never ended is spanend's
// finding alone; End through a method expression or value ends the span.
func TestIssue13(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), spanerror.Analyzer, "./spanerror/issue13/fix")
	analysistest.Run(t, testutil.Dir(), spanerror.Analyzer, "./spanerror/issue13/neverended", "./spanerror/issue13/endforms", "./spanerror/issue13/wrappers")
}

// TestNeverEndedStress is issue 13's stress test: many spans never ended,
// then one error return. spanend reports each span once; spanerror does
// not report the return once per span (it gave 600 findings there).
func TestNeverEndedStress(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(testutil.Dir())); err != nil {
		t.Fatal(err)
	}
	const n = 600
	var b strings.Builder
	b.WriteString("package stress\n\nimport (\n\t\"context\"\n\n\t\"go.opentelemetry.io/otel\"\n)\n\nvar tracer = otel.Tracer(\"stress\")\n\nfunc f(context.Context) error { return nil }\n\nfunc stress(ctx context.Context) error {\n")
	for i := range n {
		fmt.Fprintf(&b, "\t_, s%d := tracer.Start(ctx, \"s%d\")\n\ts%d.AddEvent(\"e\")\n", i, i, i)
	}
	b.WriteString("\tif err := f(ctx); err != nil {\n\t\treturn err\n\t}\n\treturn nil\n}\n")
	if err := os.MkdirAll(filepath.Join(dir, "stress"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "stress", "stress.go"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		a    *analysis.Analyzer
		want int
	}{{spanerror.Analyzer, 0}, {spanend.Analyzer, n}} {
		got := 0
		for _, r := range analysistest.Run(quiet{t}, dir, c.a, "./stress") {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			got += len(r.Diagnostics)
		}
		if got != c.want {
			t.Errorf("%s: got %d findings, want %d", c.a.Name, got, c.want)
		}
	}
}
