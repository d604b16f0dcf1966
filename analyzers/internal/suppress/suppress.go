// Package suppress implements otellint's suppression directive,
//
//	//otellint:ignore <rule>[,<rule>] -- <reason>
//
// written on the reported line or on the line above it. Each rule applies
// the directives itself (Filter), so suppression works the same in every
// driver: the standalone binary, go vet -vettool and golangci-lint.
//
// A directive that suppresses nothing is reported by the rule it names.
// A malformed one (no rule, an unknown rule, rules separated by a space, no
// reason) is reported once, by the analyzer New returns, which every driver
// runs next to the rules: a rule cannot report it, since it would be reported once per rule
// that runs, or not at all when the rule it should name is misspelled.
package suppress

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/cgofile"
	"github.com/otellint/otellint/analyzers/internal/safe"
)

// Prefix starts every directive.
const Prefix = "//otellint:ignore"

// Directive is one parsed //otellint:ignore comment.
type Directive struct {
	Pos    token.Pos
	File   string
	Line   int
	Rules  []string // the comma-separated list after the prefix
	Extra  []string // words between the list and "--": rules meant to be in the list, or a reason missing its "--"
	Reason string
	Dashes bool // the directive has the "--" that introduces the reason
	used   bool
}

// Parse returns the directives in file.
func Parse(fset *token.FileSet, file *ast.File) []*Directive {
	var out []*Directive
	for _, cg := range file.Comments {
		for _, c := range cg.List {
			if !strings.HasPrefix(c.Text, Prefix) {
				continue
			}
			rest := c.Text[len(Prefix):]
			if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
				continue // e.g. //otellint:ignorefoo
			}
			if i := strings.Index(rest, " //"); i >= 0 {
				rest = rest[:i] // a comment on the directive
			}
			names, reason, dashes := strings.Cut(rest, "--")
			d := &Directive{Pos: c.Pos(), Reason: strings.TrimSpace(reason), Dashes: dashes}
			p := fset.Position(c.Pos())
			d.File, d.Line = p.Filename, p.Line
			fields := strings.Fields(names)
			if len(fields) > 0 {
				for _, n := range strings.Split(fields[0], ",") {
					if n = strings.TrimSpace(n); n != "" {
						d.Rules = append(d.Rules, n)
					}
				}
				d.Extra = fields[1:]
			}
			out = append(out, d)
		}
	}
	return out
}

// Covers reports whether the directive applies to a finding of rule at p.
func (d *Directive) Covers(rule string, p token.Position) bool {
	return p.Filename == d.File && (p.Line == d.Line || p.Line == d.Line+1) &&
		slices.Contains(d.Rules, rule)
}

// Filter returns a copy of pass whose Report drops the findings that a
// directive for this rule covers, and a function to call when the rule is
// done, which reports the directives naming the rule that suppressed
// nothing. Every rule reports through it, so it also drops the suggested
// fixes that cannot be applied (cgofile.DropFixes).
func Filter(pass *analysis.Pass) (*analysis.Pass, func()) {
	rule := pass.Analyzer.Name
	pass = cgofile.DropFixes(pass)
	var dirs []*Directive
	for _, f := range pass.Files {
		for _, d := range Parse(pass.Fset, f) {
			if slices.Contains(d.Rules, rule) {
				dirs = append(dirs, d)
			}
		}
	}
	if len(dirs) == 0 {
		return pass, func() {}
	}
	report := pass.Report
	cp := *pass
	cp.Report = func(d analysis.Diagnostic) {
		p := pass.Fset.Position(d.Pos)
		for _, dir := range dirs {
			if dir.Covers(rule, p) {
				dir.used = true
				return
			}
		}
		report(d)
	}
	done := func() {
		for _, d := range dirs {
			if !d.used {
				report(analysis.Diagnostic{Pos: d.Pos, Category: "directive",
					Message: "otellint:ignore directive suppresses no " + rule + " finding (remove it so stale suppressions do not pile up)"})
			}
		}
	}
	return &cp, done
}

// Name is the name of the directive check: otellint itself, not one of its
// rules.
const Name = "otellint"

// New returns an analyzer that reports the malformed directives of a
// package, each problem once whatever rules run; drivers run it next to the
// rules. known lists every rule name (the suite's; this package cannot know
// them): a directive naming another is reported. When known is empty,
// unknown names are not reported. Each call returns a fresh analyzer, for
// hosts that keep the analyzers of two configurations apart (the
// golangci-lint plugin).
func New(known []string) *analysis.Analyzer {
	c := checker{known: slices.Clone(known)}
	return &analysis.Analyzer{
		Name: Name,
		Doc: Name + `: check //otellint:ignore directives

A directive that names no rule, names an unknown rule, separates its rules
with a space instead of a comma, or gives no reason after "--" is reported:
it would suppress nothing, or less than it says.`,
		URL: "https://github.com/otellint/otellint#suppressing-a-finding",
		Run: safe.Run(c.check),
	}
}

// A checker checks directives against the known rule names.
type checker struct {
	known []string
}

func (c checker) check(pass *analysis.Pass) (any, error) {
	for _, f := range pass.Files {
		for _, d := range Parse(pass.Fset, f) {
			for _, msg := range c.problems(d) {
				pass.Report(analysis.Diagnostic{Pos: d.Pos, Category: "directive", Message: msg})
			}
		}
	}
	return nil, nil
}

// problems describes what is wrong with d, if anything.
func (c checker) problems(d *Directive) []string {
	var out []string
	if len(d.Rules) == 0 {
		return []string{"otellint:ignore directive names no rule (write //otellint:ignore <rule> -- <reason>)"}
	}
	for _, n := range d.Rules {
		if len(c.known) > 0 && !slices.Contains(c.known, n) {
			out = append(out, "otellint:ignore directive names unknown rule "+quote(n)+" (it suppresses nothing"+c.suggest(n)+")")
		}
	}
	// Words after the list: rules meant to be in it, or, without a "--",
	// a reason missing its "--" (reported as a missing reason).
	switch {
	case slices.ContainsFunc(d.Extra, func(w string) bool { return slices.Contains(c.known, strings.Trim(w, ",")) }):
		out = append(out, "otellint:ignore directive separates its rules with a space: it applies to "+
			strings.Join(d.Rules, ",")+" only, not to "+strings.Join(d.Extra, " ")+
			" (write "+strings.Join(d.Rules, ",")+","+strings.Join(d.Extra, ",")+")")
	case len(d.Extra) > 0 && d.Dashes:
		out = append(out, "otellint:ignore directive has "+quote(strings.Join(d.Extra, " "))+
			` between its rules and "--", which it ignores (separate rules with commas; the reason goes after "--")`)
	}
	if d.Reason == "" {
		out = append(out, `otellint:ignore directive has no reason (add "-- <reason>" so reviewers know why the finding is wrong)`)
	}
	return out
}

// suggest returns "; did you mean X?" for the known rule closest to an
// unknown name, if one is close enough to be a typo.
func (c checker) suggest(name string) string {
	best, dist := "", 3 // at most two edits
	for _, k := range c.known {
		if d := distance(name, k); d < dist {
			best, dist = k, d
		}
	}
	if best == "" {
		return "; rules: " + strings.Join(c.known, ", ")
	}
	return "; did you mean " + best + "?"
}

// distance is the edit distance between a and b, an adjacent swap counting
// as one edit (the usual typo).
func distance(a, b string) int {
	// d[i][j] is the distance between a[:i] and b[:j].
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func quote(s string) string { return `"` + s + `"` }
