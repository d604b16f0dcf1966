package spanend_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/otellint/otellint/analyzers"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// hugeFunc returns a file whose one function has about lines lines: blocks
// of the shapes real handlers have, each with spans of its own. Sequential
// spans ended before each error return, spans reassigned to one variable,
// spans in if and switch arms and in loops, errors recorded on the span,
// and now and then a span left open on an early return (a finding of
// spanend and spanerror).
func hugeFunc(lines int) string {
	var b strings.Builder
	b.WriteString(`package huge

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("huge")

func f(context.Context) error { return nil }

var errStop = errors.New("stop")

func huge(ctx context.Context, n int, items []int) error {
	var span trace.Span
	_ = span
`)
	header := strings.Count(b.String(), "\n")
	for i := 0; strings.Count(b.String(), "\n")-header < lines; i++ {
		switch i % 8 {
		case 0: // a span of its own, ended before the error return
			fmt.Fprintf(&b, "\tctx%d, s%d := tracer.Start(ctx, \"s%d\")\n", i, i, i)
			fmt.Fprintf(&b, "\tif err := f(ctx%d); err != nil {\n\t\ts%d.End()\n\t\treturn err\n\t}\n", i, i)
			fmt.Fprintf(&b, "\ts%d.End()\n", i)
		case 1: // one variable, started again
			fmt.Fprintf(&b, "\tctx, span = tracer.Start(ctx, \"s%d\")\n", i)
			fmt.Fprintf(&b, "\tif err := f(ctx); err != nil {\n\t\tspan.RecordError(err)\n\t\tspan.SetStatus(codes.Error, err.Error())\n\t\tspan.End()\n\t\treturn err\n\t}\n")
			b.WriteString("\tspan.End()\n")
		case 2: // a span in an if arm
			fmt.Fprintf(&b, "\tif n > %d {\n\t\t_, s%d := tracer.Start(ctx, \"s%d\")\n\t\ts%d.SetAttributes()\n\t\ts%d.End()\n\t}\n", i, i, i, i, i)
		case 3: // spans in a loop
			fmt.Fprintf(&b, "\tfor _, it := range items {\n\t\t_, s%d := tracer.Start(ctx, \"s%d\")\n", i, i)
			fmt.Fprintf(&b, "\t\tif it == %d {\n\t\t\ts%d.End()\n\t\t\tcontinue\n\t\t}\n\t\ts%d.End()\n\t}\n", i, i, i)
		case 4: // a switch
			fmt.Fprintf(&b, "\tswitch n {\n\tcase %d:\n\t\t_, s%d := tracer.Start(ctx, \"s%d\")\n\t\ts%d.End()\n\tcase %d:\n\t\treturn errStop\n\t}\n", i, i, i, i, i+1)
		case 5: // deferred in a closure
			fmt.Fprintf(&b, "\tif err := func() error {\n\t\tctx, s%d := tracer.Start(ctx, \"s%d\")\n\t\tdefer s%d.End()\n\t\treturn f(ctx)\n\t}(); err != nil {\n\t\treturn err\n\t}\n", i, i, i)
		case 6: // an early return that leaks the span, now and then
			fmt.Fprintf(&b, "\t_, s%d := tracer.Start(ctx, \"s%d\")\n", i, i)
			if i%40 == 6 {
				fmt.Fprintf(&b, "\tif n == %d {\n\t\treturn errStop\n\t}\n", i)
			}
			fmt.Fprintf(&b, "\ts%d.End()\n", i)
		case 7: // plain statements between the spans
			fmt.Fprintf(&b, "\tif n == %d {\n\t\tn++\n\t}\n", i)
		}
	}
	b.WriteString("\treturn nil\n}\n")
	return b.String()
}

// BenchmarkHugeFunction runs the whole suite on one function of growing
// size (lines=N), loaded once. Its cost must grow as N times the number
// of spans at worst. cpu-s/op is the CPU time, which a busy machine does
// not inflate as it does ns/op:
//
//	go test ./analyzers/spanend -run '^$' -bench HugeFunction -benchtime 1x
func BenchmarkHugeFunction(b *testing.B) {
	for _, lines := range []int{1000, 5000, 10000, 20000} {
		b.Run(fmt.Sprintf("lines=%d", lines), func(b *testing.B) {
			pkg := loadHuge(b, hugeFunc(lines))
			var as = analyzers.Analyzers()
			b.ResetTimer()
			findings := 0
			cpu := cpuTime()
			for range b.N {
				g, err := checker.Analyze(as, []*packages.Package{pkg}, nil)
				if err != nil {
					b.Fatal(err)
				}
				findings = 0
				for act := range g.All() {
					if act.Err != nil {
						b.Fatal(act.Err)
					}
					if act.IsRoot {
						findings += len(act.Diagnostics)
					}
				}
			}
			b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(findings), "findings")
		})
	}
}

// loadHuge type-checks src as a package of a copy of the testdata module.
// Its imports come from export data and are not analysed: the benchmark
// measures the one function.
func loadHuge(b *testing.B, src string) *packages.Package {
	b.Helper()
	dir := b.TempDir()
	if err := os.CopyFS(dir, os.DirFS(testutil.Dir())); err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "huge"), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "huge", "huge.go"), []byte(src), 0o644); err != nil {
		b.Fatal(err)
	}
	cfg := &packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Dir: dir}
	pkgs, err := packages.Load(cfg, "./huge")
	if err != nil {
		b.Fatal(err)
	}
	if len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		b.Fatalf("loading the generated package: %v", pkgs[0].Errors)
	}
	pkgs[0].Imports = nil // analyse the package alone
	return pkgs[0]
}
