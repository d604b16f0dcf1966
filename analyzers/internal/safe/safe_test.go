package safe_test

import (
	"fmt"
	"go/ast"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/safe"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// recorder collects analysistest's errors instead of failing.
type recorder struct {
	*testing.T
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestPanicBecomesError checks that a panic inside an analyzer becomes an
// error that names the analyzer and the position it was working on.
func TestPanicBecomesError(t *testing.T) {
	a := &analysis.Analyzer{
		Name: "boom",
		Doc:  "boom: panics on the first function",
		Run: safe.Run(func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				for _, d := range f.Decls {
					if fd, ok := d.(*ast.FuncDecl); ok {
						safe.At(pass, fd.Pos())
						var m map[string]int
						m["x"]++ // a nil map write: a runtime panic
					}
				}
			}
			return nil, nil
		}),
	}
	rec := &recorder{T: t}
	results := analysistest.Run(rec, testutil.Dir(), a, "./spanend/paths")
	if len(results) != 1 || results[0].Err == nil {
		t.Fatalf("want one result with an error, got %+v", results)
	}
	msg := results[0].Err.Error()
	for _, want := range []string{"boom panicked at", "paths.go:", "assignment to entry in nil map"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
}

// TestPanicOnPassCopy: a rule that works on a copy of its Pass (as
// suppress.Filter makes) still gets the position in the error.
func TestPanicOnPassCopy(t *testing.T) {
	a := &analysis.Analyzer{
		Name: "boomcopy",
		Doc:  "boomcopy: panics on the first function, through a copy of the pass",
		Run: safe.Run(func(pass *analysis.Pass) (any, error) {
			filtered := *pass
			for _, f := range pass.Files {
				for _, d := range f.Decls {
					if fd, ok := d.(*ast.FuncDecl); ok {
						safe.At(&filtered, fd.Pos())
						var m map[string]int
						m["x"]++
					}
				}
			}
			return nil, nil
		}),
	}
	rec := &recorder{T: t}
	results := analysistest.Run(rec, testutil.Dir(), a, "./spanend/paths")
	if len(results) != 1 || results[0].Err == nil || !strings.Contains(results[0].Err.Error(), "paths.go:") {
		t.Fatalf("want one error with the position, got %+v", results)
	}
}
