package analyzers_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/otellint/otellint/analyzers"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// The rule names are pinned: renaming or removing a rule breaks users'
// configurations and suppressions, so it must be deliberate.
var pinned = []string{"spanend", "spanerror", "goctx", "spanctx", "blockinghandler", "spanname", "attrkey", "sensitiveattr", "providershutdown", "syncexport", "propagator", "healthfilter", "uninstrumented"}

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
	// The names directives may use are the suite's.
	if got := analyzers.Names(); !slices.Equal(got, names) {
		t.Errorf("Names() = %v, the suite's are %v", got, names)
	}
}

// TestNewSuite: a fresh suite lists the same rules with the same metadata
// as Suite, validates on its own, and shares no analyzer with Suite or with
// another fresh suite (the golangci-lint plugin builds one per instance).
func TestNewSuite(t *testing.T) {
	a, b := analyzers.NewSuite(), analyzers.NewSuite()
	seen := map[*analysis.Analyzer]string{}
	for _, s := range []struct {
		name  string
		suite []analyzers.Entry
	}{{"Suite", analyzers.Suite}, {"NewSuite #1", a}, {"NewSuite #2", b}} {
		var list []*analysis.Analyzer
		for i, e := range s.suite {
			list = append(list, e.Analyzer)
			d := analyzers.Suite[i]
			if e.Analyzer.Name != d.Analyzer.Name || e.Default != d.Default || e.Since != d.Since {
				t.Errorf("%s[%d] = %s (%v, %s), Suite has %s (%v, %s)", s.name, i,
					e.Analyzer.Name, e.Default, e.Since, d.Analyzer.Name, d.Default, d.Since)
			}
			if e.Analyzer.Doc != d.Analyzer.Doc || e.Analyzer.URL != d.Analyzer.URL {
				t.Errorf("%s: %s differs from Suite's in Doc or URL", s.name, e.Analyzer.Name)
			}
		}
		if err := analysis.Validate(list); err != nil {
			t.Errorf("%s: %v", s.name, err)
		}
		// Every analyzer of the suite and what it requires, but the
		// x/tools passes that every suite shares.
		var walk func(*analysis.Analyzer)
		walk = func(x *analysis.Analyzer) {
			if strings.HasPrefix(x.URL, "https://pkg.go.dev/golang.org/x/tools/") {
				// The suite's own inspector stands for inspect: the gate
				// of SkipDependencies and the standalone driver's loading
				// go through it.
				if x == inspect.Analyzer {
					t.Errorf("%s: an analyzer requires x/tools' inspect, not the suite's inspector (spans.Helper.Inspector)", s.name)
				}
				return
			}
			if prev, ok := seen[x]; ok && prev != s.name {
				t.Errorf("%s and %s share analyzer %s", prev, s.name, x.Name)
			}
			seen[x] = s.name
			for _, r := range x.Requires {
				walk(r)
			}
		}
		for _, x := range list {
			walk(x)
		}
	}
}

// TestNewSuiteOptions: options set on one fresh suite reach its rules and
// the helper they share, and neither Suite nor another fresh suite; the
// three run in one process.
func TestNewSuiteOptions(t *testing.T) {
	configured, fresh := analyzers.NewSuite(), analyzers.NewSuite()
	const pkg = "example.com/testdata/spans/options."
	for _, o := range []struct{ rule, name, value string }{
		{"spanend", "start", pkg + "Open"}, // the shared helper's options
		{"spanend", "end", pkg + "Close"},
		{"spanerror", "recorders", pkg + "Report"},
		{"spanerror", "expected", pkg + "ErrMissing"}, // the rule's own
		{"spanerror", "record", "true"},
		{"spanerror", "status", "false"},
	} {
		if err := rule(t, configured, o.rule).Flags.Set(o.name, o.value); err != nil {
			t.Fatal(err)
		}
	}
	defaults := []string{`spanend "closed"`, `spanerror "find"`, `spanerror "record"`, `spanerror "reported"`}
	for _, c := range []struct {
		name  string
		suite []analyzers.Entry
		want  []string
	}{
		{"configured", configured, []string{`spanend "opened"`, `spanerror "status"`}},
		{"Suite", analyzers.Suite, defaults},
		{"NewSuite", fresh, defaults},
	} {
		if got := spanFindings(t, c.suite, "./spans/options"); !slices.Equal(got, c.want) {
			t.Errorf("%s: got findings %q, want %q", c.name, got, c.want)
		}
	}
}

func rule(t *testing.T, suite []analyzers.Entry, name string) *analysis.Analyzer {
	for _, e := range suite {
		if e.Analyzer.Name == name {
			return e.Analyzer
		}
	}
	t.Fatalf("no rule %s", name)
	return nil
}

var spanName = regexp.MustCompile(`span "([^"]*)"`)

// spanFindings runs the spanend and spanerror rules of suite on pattern in
// the testdata module and returns their findings as `rule "span"`, sorted.
func spanFindings(t *testing.T, suite []analyzers.Entry, pattern string) []string {
	var got []string
	for _, name := range []string{"spanend", "spanerror"} {
		for _, r := range analysistest.Run(discard{t}, testutil.Dir(), rule(t, suite, name), pattern) {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			for _, d := range r.Diagnostics {
				m := spanName.FindStringSubmatch(d.Message)
				if m == nil {
					t.Fatalf("%s: %s names no span", name, d.Message)
				}
				got = append(got, fmt.Sprintf("%s %q", name, m[1]))
			}
		}
	}
	slices.Sort(got)
	return got
}

// discard lets analysistest run without // want comments: the test checks
// the findings itself.
type discard struct{ *testing.T }

func (discard) Errorf(string, ...any) {}

// TestNogoMarkersDropped: the default instances keep the fact types that
// only nogo needs; the suites the drivers build drop them, so that
// golangci-lint and go vet do not run those rules on every dependency.
func TestNogoMarkersDropped(t *testing.T) {
	marked := 0
	for _, e := range analyzers.Suite {
		for _, f := range e.Analyzer.FactTypes {
			if _, ok := f.(spans.NogoMarker); ok {
				marked++
			}
		}
	}
	if marked == 0 {
		t.Error("no rule declares a nogo marker: the test checks nothing")
	}
	for _, e := range analyzers.NewSuite() {
		for _, f := range e.Analyzer.FactTypes {
			if _, ok := f.(spans.NogoMarker); ok {
				t.Errorf("NewSuite's %s keeps the nogo marker %T", e.Analyzer.Name, f)
			}
		}
	}
}
