package gclplugin_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers"
	"github.com/otellint/otellint/gclplugin"
)

// rules lists the suite's rule names, in order.
func rules() []string {
	var names []string
	for _, e := range analyzers.Suite {
		names = append(names, e.Analyzer.Name)
	}
	return names
}

// only returns a rules mapping that switches off every rule but keep.
func only(keep ...string) map[string]any {
	m := map[string]any{}
	for _, r := range rules() {
		if !slices.Contains(keep, r) {
			m[r] = false
		}
	}
	return m
}

// ruleList is the rule names as the settings errors list them.
func ruleList() string { return strings.Join(rules(), ", ") }

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func build(t *testing.T, settings any) []*analysis.Analyzer {
	t.Helper()
	newPlugin, err := register.GetPlugin(gclplugin.Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		t.Fatalf("settings %v: %v", settings, err)
	}
	if m := p.GetLoadMode(); m != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", m, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if err := analysis.Validate(as); err != nil {
		t.Fatal(err)
	}
	// The directive check runs last, whichever rules run; the callers
	// look at the rules.
	if n := len(as); n == 0 || as[n-1].Name != analyzers.Directives.Name || as[n-1] == analyzers.Directives {
		t.Fatalf("settings %v: the last analyzer is not a fresh directive check: %v", settings, names(as))
	}
	return as[:len(as)-1]
}

func option(t *testing.T, as []*analysis.Analyzer, rule, name string) string {
	t.Helper()
	for _, a := range as {
		if a.Name == rule {
			if f := a.Flags.Lookup(name); f != nil {
				return f.Value.String()
			}
		}
	}
	t.Fatalf("no option %s.%s", rule, name)
	return ""
}

// TestDefaults: without settings, the plugin runs the suite the standalone
// driver runs, as fresh analyzers.
func TestDefaults(t *testing.T) {
	for _, settings := range []any{nil, map[string]any{}, map[string]any{"rules": nil}} {
		as := build(t, settings)
		var want []string
		for _, e := range analyzers.Suite {
			if e.Default {
				want = append(want, e.Analyzer.Name)
			}
		}
		if got := names(as); !slices.Equal(got, want) {
			t.Errorf("settings %v: rules %v, want %v", settings, got, want)
		}
		for i, a := range as {
			if a == analyzers.Suite[i].Analyzer {
				t.Errorf("%s is the default instance, not a fresh one", a.Name)
			}
		}
	}
}

// TestRuleSwitches turns each rule off, and on, alone.
func TestRuleSwitches(t *testing.T) {
	for _, rule := range rules() {
		as := build(t, map[string]any{"rules": map[string]any{rule: false}})
		want := slices.DeleteFunc(rules(), func(n string) bool { return n == rule })
		if got := names(as); !slices.Equal(got, want) {
			t.Errorf("%s off: rules %v, want %v", rule, got, want)
		}
		as = build(t, map[string]any{"rules": map[string]any{rule: true}})
		if got := names(as); !slices.Equal(got, rules()) {
			t.Errorf("%s on: rules %v, want %v", rule, got, rules())
		}
	}
	// Older YAML decoders give map[any]any.
	off := map[any]any{}
	for r := range only("spanend", "spanerror") {
		off[r] = false
	}
	as := build(t, map[any]any{"rules": off})
	if got, want := names(as), []string{"spanend", "spanerror"}; !slices.Equal(got, want) {
		t.Errorf("map[any]any: rules %v, want %v", got, want)
	}
}

// TestOptions sets every option type: lists as YAML lists and as
// comma-separated strings, bools as bools, numbers as numbers.
func TestOptions(t *testing.T) {
	as := build(t, map[string]any{
		"spanend": map[string]any{
			"start": []any{"example.com/a.Start", "example.com/b.Start"},
			"end":   "example.com/a.End, example.com/b.End",
		},
		"spanerror": map[string]any{
			"expected":  []any{"io.EOF"},
			"recorders": "example.com/a.Fail",
			"status":    false,
			"record":    true,
			"generated": "all",
		},
		"goctx":   nil, // no options, nothing set
		"spanctx": map[string]any{"generated": "none"},
		"blockinghandler": map[string]any{
			"calls": []any{"example.com/a.Wait"},
			"depth": 2,
		},
	})
	for _, c := range []struct{ rule, name, want string }{
		{"spanend", "start", "example.com/a.Start,example.com/b.Start"},
		{"spanend", "end", "example.com/a.End,example.com/b.End"},
		{"spanerror", "expected", "io.EOF"},
		{"spanerror", "recorders", "example.com/a.Fail"},
		{"spanerror", "status", "false"},
		{"spanerror", "record", "true"},
		{"spanerror", "generated", "all"},
		{"spanend", "generated", "wrappers"},
		{"spanctx", "generated", "none"},
		{"blockinghandler", "calls", "example.com/a.Wait"},
		{"blockinghandler", "depth", "2"},
	} {
		if got := option(t, as, c.rule, c.name); got != c.want {
			t.Errorf("%s.%s = %q, want %q", c.rule, c.name, got, c.want)
		}
	}
	// A YAML decoder may give a whole number as a float.
	as = build(t, map[string]any{"blockinghandler": map[string]any{"depth": 3.0}})
	if got := option(t, as, "blockinghandler", "depth"); got != "3" {
		t.Errorf("blockinghandler.depth = %q after depth: 3.0, want 3", got)
	}
	// The default instances are untouched.
	for _, e := range analyzers.Suite {
		e.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
			if f.Value.String() != f.DefValue {
				t.Errorf("default %s.%s changed to %q", e.Analyzer.Name, f.Name, f.Value)
			}
		})
	}
}

// TestSettingsErrors: strict decoding, with errors that name the key and
// list what is valid.
func TestSettingsErrors(t *testing.T) {
	for _, c := range []struct {
		settings any
		want     []string // substrings of the error
	}{
		{"spanend", []string{`otellint settings: want a mapping with the keys rules, exclusions, ` + ruleList() + `, got a string ("spanend")`}},
		{map[string]any{"rule": map[string]any{}}, []string{`otellint settings: unknown key "rule" (valid keys: rules, exclusions, and a rule name for its options: ` + ruleList() + `)`}},
		{map[string]any{"rules": []any{"spanend"}}, []string{`otellint settings: rules: want a mapping of rule names to true or false, got a list`}},
		{map[string]any{"rules": map[string]any{"spanned": false}}, []string{`otellint settings: rules: unknown rule "spanned" (rules: ` + ruleList() + `)`}},
		{map[string]any{"rules": map[string]any{"spanend": "off"}}, []string{`otellint settings: rules.spanend: want true or false, got a string ("off")`}},
		{map[string]any{"spanend": map[string]any{"starts": "x.Start"}}, []string{`otellint settings: spanend: unknown option "starts" (spanend options: end, generated, start)`}},
		{map[string]any{"goctx": map[string]any{"strict": true}}, []string{`otellint settings: goctx: unknown option "strict" (goctx has no options)`}},
		{map[string]any{"spanend": []any{"start"}}, []string{`otellint settings: spanend: want a mapping of spanend's options, got a list`}},
		{map[string]any{"spanerror": map[string]any{"record": "yes"}}, []string{`otellint settings: spanerror.record: want true or false, got a string ("yes")`}},
		{map[string]any{"spanerror": map[string]any{"status": 1}}, []string{`otellint settings: spanerror.status: want true or false, got a number (1)`}},
		{map[string]any{"spanctx": map[string]any{"generated": true}}, []string{`otellint settings: spanctx.generated: want wrappers, all or none, got "true"`}},
		{map[string]any{"spanend": map[string]any{"start": 3}}, []string{`otellint settings: spanend.start: want a list of strings or a comma-separated string, got a number (3)`}},
		{map[string]any{"spanend": map[string]any{"end": []any{"a.End", true}}}, []string{`otellint settings: spanend.end: element 1: want a string, got a bool (true)`}},
		{map[string]any{"spanerror": map[string]any{"expected": map[string]any{"io": "EOF"}}}, []string{`otellint settings: spanerror.expected: want a list of strings or a comma-separated string, got a mapping`}},
		{map[string]any{"rules": only()},
			[]string{`otellint settings: rules: every rule is switched off (disable the otellint linter instead)`}},
		// Option values are checked as the standalone flags check them.
		{map[string]any{"blockinghandler": map[string]any{"depth": -3}}, []string{`otellint settings: blockinghandler.depth: want a number of calls, 1 or more, got "-3"`}},
		{map[string]any{"blockinghandler": map[string]any{"depth": 0}}, []string{`otellint settings: blockinghandler.depth: want a number of calls, 1 or more, got "0"`}},
		{map[string]any{"blockinghandler": map[string]any{"depth": "2"}}, []string{`otellint settings: blockinghandler.depth: want a whole number, got a string ("2")`}},
		{map[string]any{"blockinghandler": map[string]any{"depth": 1.5}}, []string{`otellint settings: blockinghandler.depth: want a whole number, got a number (1.5)`}},
		{map[string]any{"spanend": map[string]any{"start": "a.B,,c.D"}}, []string{`otellint settings: spanend.start: empty name in "a.B,,c.D" (a stray comma?)`}},
		{map[string]any{"spanend": map[string]any{"end": []any{"a.End", ""}}}, []string{`otellint settings: spanend.end: empty name`}},
		{map[string]any{"spanend": map[string]any{"start": []any{"not-a-func"}}}, []string{`otellint settings: spanend.start: "not-a-func" is not a full name (want path/to/pkg.Func, path/to/pkg.Var or (*path/to/pkg.Type).Method)`}},
		{map[string]any{"blockinghandler": map[string]any{"calls": "(example.com/a.T.Wait"}}, []string{`otellint settings: blockinghandler.calls: "(example.com/a.T.Wait" is not a full name`}},
		{map[string]any{"exclusions": map[string]any{"path": []any{"x"}}}, []string{`otellint settings: exclusions: unknown key "path" (valid keys: paths, paths-except)`}},
		{map[string]any{"exclusions": map[string]any{"paths": "gen/"}}, []string{`otellint settings: exclusions.paths: want a list of regular expressions, got a string ("gen/")`}},
		{map[string]any{"exclusions": map[string]any{"paths": []any{"(gen"}}}, []string{`otellint settings: exclusions.paths: element 0: error parsing regexp: missing closing ): ` + "`(gen`"}},
		// Every problem at once, so one edit fixes the file.
		{map[string]any{"foo": 1, "rules": map[string]any{"bar": true}, "spanerror": map[string]any{"record": "no"}},
			[]string{`unknown key "foo"`, `unknown rule "bar"`, `spanerror.record: want true or false`}},
	} {
		_, err := gclplugin.New(c.settings)
		if err == nil {
			t.Errorf("settings %v: no error, want %q", c.settings, c.want)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("settings %v:\nerror  %v\nlacks  %s", c.settings, err, w)
			}
		}
	}
}

// testdata is the rules' testdata module, which vendors the OTel API.
const testdata = "../analyzers/testdata"

var spanName = regexp.MustCompile(`span "([^"]*)"`)

// findings runs the analyzers on pattern in the testdata module and
// returns their findings as `rule "span"`, sorted. It also checks that no
// message carries the rule name already: golangci-lint prefixes it.
func findings(t *testing.T, as []*analysis.Analyzer, pattern string) []string {
	t.Helper()
	var got []string
	for _, a := range as {
		for _, r := range analysistest.Run(discard{t}, testdata, a, pattern) {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			for _, d := range r.Diagnostics {
				if len(d.Related) > 0 {
					t.Errorf("%s: related positions not folded into the message: %s", a.Name, d.Message)
				}
				if strings.HasPrefix(d.Message, a.Name+":") {
					t.Errorf("%s: message already carries the rule name, golangci-lint would print it twice: %s", a.Name, d.Message)
				}
				m := spanName.FindStringSubmatch(d.Message)
				if m == nil {
					t.Fatalf("%s: %s names no span", a.Name, d.Message)
				}
				got = append(got, fmt.Sprintf("%s %q", a.Name, m[1]))
			}
		}
	}
	slices.Sort(got)
	return got
}

// TestInstancesIndependent builds two instances with different settings,
// then runs both, in one process, on a case whose findings depend on each
// option (analyzers/testdata/spans/options).
func TestInstancesIndependent(t *testing.T) {
	const pkg = "example.com/testdata/spans/options."
	configured := build(t, map[string]any{
		"rules":   only("spanend", "spanerror"),
		"spanend": map[string]any{"start": []any{pkg + "Open"}, "end": pkg + "Close"},
		"spanerror": map[string]any{
			"recorders": []any{pkg + "Report"},
			"expected":  pkg + "ErrMissing",
			"record":    true,
			"status":    false,
		},
	})
	plain := build(t, map[string]any{"rules": only("spanend", "spanerror")})
	if got, want := findings(t, configured, "./spans/options"), []string{`spanend "opened"`, `spanerror "status"`}; !slices.Equal(got, want) {
		t.Errorf("configured instance: got %q, want %q", got, want)
	}
	want := []string{`spanend "closed"`, `spanerror "find"`, `spanerror "record"`, `spanerror "reported"`}
	if got := findings(t, plain, "./spans/options"); !slices.Equal(got, want) {
		t.Errorf("instance with default options: got %q, want %q", got, want)
	}
	// A third instance that switches spanend off reports spanerror alone.
	noSpanend := build(t, map[string]any{"rules": only("spanerror")})
	if got := findings(t, noSpanend, "./spans/options"); !slices.Equal(got, want[1:]) {
		t.Errorf("instance without spanend: got %q, want %q", got, want[1:])
	}
}

// TestRuleNames: golangci-lint reports every finding of the plugin under
// the linter name "otellint" and prefixes the text with the analyzer's
// name when it differs from the linter's; so each analyzer must carry its
// rule's name, and none the linter's. The end-to-end test checks the text
// golangci-lint prints.
func TestRuleNames(t *testing.T) {
	as := build(t, nil)
	if got := names(as); !slices.Equal(got, rules()) {
		t.Errorf("analyzers %v, want the rules %v", got, rules())
	}
	for _, a := range as {
		if a.Name == gclplugin.Name {
			t.Errorf("an analyzer is named %q: golangci-lint would not prefix its findings", a.Name)
		}
	}
}

// TestMessages: a finding's related positions are folded into its
// message, as the standalone driver prints them.
func TestMessages(t *testing.T) {
	var got []string
	for _, a := range build(t, map[string]any{"rules": only("spanend")}) {
		for _, r := range analysistest.Run(discard{t}, testdata, a, "./spans/options") {
			for _, d := range r.Diagnostics {
				got = append(got, d.Message)
			}
		}
	}
	want := []string{`span "closed" is not ended on all paths (spans are lost or leak memory) [55:1: the function ends here without ending the span]`}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestDocsOptions: docs/golangci.md documents every rule option, and
// nothing else, in its options table.
func TestDocsOptions(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "docs", "golangci.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z]+)` \\| `([a-z]+)` \\|")
	documented := map[string]bool{}
	for _, m := range row.FindAllStringSubmatch(string(data), -1) {
		documented[m[1]+"."+m[2]] = true
	}
	for _, e := range analyzers.NewSuite() {
		e.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
			name := e.Analyzer.Name + "." + f.Name
			if !documented[name] {
				t.Errorf("docs/golangci.md: the options table lacks %s", name)
			}
			delete(documented, name)
		})
	}
	for name := range documented {
		t.Errorf("docs/golangci.md: the options table documents %s, which is no option", name)
	}
}

// discard lets analysistest run without // want comments: the test checks
// the findings itself.
type discard struct{ *testing.T }

func (discard) Errorf(string, ...any) {}
