package analyzers_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers"
)

// The rule names are pinned: renaming or removing a rule breaks users'
// configurations and suppressions, so it must be deliberate.
var pinned = []string{"spanend", "spanerror", "goctx", "spanctx", "blockinghandler"}

func TestSuite(t *testing.T) {
	if err := analysis.Validate(analyzers.Analyzers()); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range analyzers.Suite {
		a := e.Analyzer
		names = append(names, a.Name)
		if a.Name != strings.ToLower(a.Name) || strings.ContainsAny(a.Name, " -_.") {
			t.Errorf("%s: a rule name is one lower-case word", a.Name)
		}
		if !strings.HasPrefix(a.Doc, a.Name+": ") {
			t.Errorf("%s: Doc must start with %q", a.Name, a.Name+": ")
		}
		if want := "https://github.com/otellint/otellint/blob/main/docs/rules/" + a.Name + ".md"; a.URL != want {
			t.Errorf("%s: URL %q, want %q", a.Name, a.URL, want)
		}
		if e.Since == "" {
			t.Errorf("%s: no Since version", a.Name)
		}
		for _, p := range []string{
			filepath.Join(a.Name, "doc.go"),
			filepath.Join("testdata", a.Name),
			filepath.Join("..", "docs", "rules", a.Name+".md"),
		} {
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s: missing %s", a.Name, p)
			}
		}
	}
	if !slices.Equal(names, pinned) {
		t.Errorf("rule names %v, pinned %v: update the pinned list only for a deliberate rename", names, pinned)
	}
}
