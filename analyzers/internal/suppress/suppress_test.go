package suppress_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers"
	"github.com/otellint/otellint/analyzers/internal/suppress"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// TestDirectives: the directive check reports each malformed directive
// once (the rules themselves report none of these). The suite's check
// knows every rule.
func TestDirectives(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), analyzers.Directives, "./suppress/...")
}

// TestKnown: each directive check knows the rule names it was given, and
// only those; with none, it reports no name as unknown.
func TestKnown(t *testing.T) {
	const src = `package p

//otellint:ignore spanend -- a rule of the first list
var a int

//otellint:ignore spanerrr -- a typo of the second list's rule
var b int
`
	known := []string{"spanend"}
	first := suppress.New(known)
	known[0] = "changed" // New keeps its own copy
	for _, c := range []struct {
		name string
		a    *analysis.Analyzer
		want []string
	}{
		{"first", first, []string{`names unknown rule "spanerrr" (it suppresses nothing; rules: spanend)`}},
		{"second", suppress.New([]string{"spanerror"}), []string{`names unknown rule "spanend" (it suppresses nothing; rules: spanerror)`, `names unknown rule "spanerrr" (it suppresses nothing; did you mean spanerror?)`}},
		{"none", suppress.New(nil), nil},
	} {
		var got []string
		for _, msg := range report(t, c.a, src) {
			got = append(got, strings.TrimPrefix(msg, "otellint:ignore directive "))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// report runs a on one file and returns its messages.
func report(t *testing.T, a *analysis.Analyzer, src string) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	pass := &analysis.Pass{
		Analyzer: a, Fset: fset, Files: []*ast.File{f},
		Report: func(d analysis.Diagnostic) { msgs = append(msgs, d.Message) },
	}
	if _, err := a.Run(pass); err != nil {
		t.Fatal(err)
	}
	return msgs
}
