// Package suppress implements otellint's suppression directive,
//
//	//otellint:ignore <rule>[,<rule>] -- <reason>
//
// written on the reported line or on the line above it. Each rule applies
// the directives itself, so suppression works the same in every driver: the
// standalone binary, go vet -vettool and golangci-lint.
//
// A directive without a reason, one that names an unknown rule, and one
// that suppresses nothing are reported, so stale suppressions do not pile up.
package suppress

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Prefix starts every directive.
const Prefix = "//otellint:ignore"

// Known lists every rule name; the suite sets it. When it is empty, unknown
// names are not reported.
var Known []string

// Directive is one parsed //otellint:ignore comment.
type Directive struct {
	Pos    token.Pos
	File   string
	Line   int
	Rules  []string
	Reason string
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
			names, reason, _ := strings.Cut(rest, "--")
			d := &Directive{Pos: c.Pos(), Reason: strings.TrimSpace(reason)}
			p := fset.Position(c.Pos())
			d.File, d.Line = p.Filename, p.Line
			list := ""
			if f := strings.Fields(names); len(f) > 0 {
				list = f[0]
			}
			for _, n := range strings.Split(list, ",") {
				if n = strings.TrimSpace(n); n != "" {
					d.Rules = append(d.Rules, n)
				}
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
// done, which reports the directives that are malformed or unused.
func Filter(pass *analysis.Pass) (*analysis.Pass, func()) {
	rule := pass.Analyzer.Name
	var dirs []*Directive
	for _, f := range pass.Files {
		dirs = append(dirs, Parse(pass.Fset, f)...)
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
			first := len(d.Rules) > 0 && d.Rules[0] == rule
			switch {
			case len(d.Rules) == 0:
				report(analysis.Diagnostic{Pos: d.Pos, Category: "directive",
					Message: "otellint:ignore directive names no rule (write //otellint:ignore <rule> -- <reason>)"})
			case first && d.Reason == "":
				report(analysis.Diagnostic{Pos: d.Pos, Category: "directive",
					Message: `otellint:ignore directive has no reason (add "-- <reason>" so reviewers know why the finding is wrong)`})
			}
			if first && len(Known) > 0 {
				for _, n := range d.Rules {
					if !slices.Contains(Known, n) {
						report(analysis.Diagnostic{Pos: d.Pos, Category: "directive",
							Message: "otellint:ignore directive names unknown rule " + quote(n) + " (it suppresses nothing)"})
					}
				}
			}
			if slices.Contains(d.Rules, rule) && !d.used {
				report(analysis.Diagnostic{Pos: d.Pos, Category: "directive",
					Message: "otellint:ignore directive suppresses no " + rule + " finding (remove it so stale suppressions do not pile up)"})
			}
		}
	}
	return &cp, done
}

func quote(s string) string { return `"` + s + `"` }
