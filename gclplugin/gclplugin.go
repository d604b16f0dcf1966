// Package gclplugin is otellint as a golangci-lint v2 module plugin.
//
// Importing it registers the plugin "otellint" with
// github.com/golangci/plugin-module-register. golangci-lint builds the
// plugin into a custom binary (golangci-lint custom, driven by a
// .custom-gcl.yml), and calls New with the settings found under
// linters.settings.custom.otellint.settings in .golangci.yml:
//
//	settings:
//	  rules:            # rule -> true/false; unlisted rules keep their default
//	    spanctx: false
//	  spanend:          # a rule's options, named as the standalone -<rule>.<option> flags
//	    start: [github.com/acme/tel.Start]
//	    end: github.com/acme/tel.Finish,github.com/acme/tel.Close
//	  spanerror:
//	    record: true
//
// List options take a YAML list or a comma-separated string, bool options a
// YAML bool. Decoding is strict: an unknown key, rule or option, or a value
// of the wrong type, is an error that names it and lists what is valid.
// See docs/golangci.md.
//
// Each plugin instance runs analyzers.NewSuite, a fresh copy of the suite
// the standalone driver runs: two instances with different settings in one
// process share no options.
//
// golangci-lint reports every finding under the linter name "otellint" and
// prefixes its text with the analyzer's name, so a finding reads
// "spanend: span "load" is not ended ...": the rule names stay visible to
// exclusion rules and reviewers without the plugin adding them (which would
// print the name twice). The directive check (analyzers.Directives), which
// runs next to the enabled rules, is named like the linter, so its findings
// have no prefix: "otellint:ignore directive names unknown rule ...". The plugin's analyzers fold a finding's related
// positions into its message, as the standalone driver prints them
// ("... [24:3: this return leaks the span]"): golangci-lint would otherwise
// report each related position as an issue of its own, which a
// //nolint:otellint on the finding's line leaves behind.
package gclplugin

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers"
	"github.com/otellint/otellint/internal/driver/config"
)

// Name is the plugin's name: the linter name in .golangci.yml and in
// golangci-lint's reports.
const Name = "otellint"

func init() {
	register.Plugin(Name, New)
}

// New returns a plugin instance configured from settings, the value of
// linters.settings.custom.otellint.settings (nil when absent).
func New(settings any) (register.LinterPlugin, error) {
	as, x, err := build(settings)
	if err != nil {
		return nil, err
	}
	// The directive check is no rule: it runs whichever rules do, and
	// reports under the linter's own name (golangci-lint adds no prefix).
	d := analyzers.NewDirectives()
	config.Exclude(d, x)
	return &plugin{analyzers: append(as, d)}, nil
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

// BuildAnalyzers returns the enabled rules of the instance's suite and the
// directive check.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode asks for type information: every rule needs it.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// Analyzers returns the rules that settings enable, in suite order, from a
// fresh suite whose options settings set. The error lists every problem
// found in settings. The settings have the schema of .otellint.yml, and
// the same decoder (internal/driver/config); exclusion paths are relative
// to the working directory, golangci-lint's.
func Analyzers(settings any) ([]*analysis.Analyzer, error) {
	as, _, err := build(settings)
	return as, err
}

func build(settings any) ([]*analysis.Analyzer, *config.Exclusions, error) {
	suite := analyzers.NewSuite()
	// golangci-lint analyses every dependency from source for the rules'
	// facts, the standard library too; the rules skip those that the
	// standalone driver reads from export data.
	analyzers.SkipDependencies(suite)
	wd, _ := os.Getwd()
	cfg, err := config.Decode(settings, suite, nil, wd)
	if err != nil {
		return nil, nil, config.Prefixed("otellint settings: ", err)
	}
	out := cfg.Rules(suite)
	if len(out) == 0 {
		return nil, nil, fmt.Errorf("otellint settings: %s: every rule is switched off (disable the otellint linter instead)", config.RulesKey)
	}
	for _, a := range out {
		config.Exclude(a, cfg.Exclusions)
		foldRelated(a)
	}
	return out, cfg.Exclusions, nil
}

// foldRelated makes a's findings carry their related positions in the
// message, " [line:col: message]" (with the file name when it differs),
// instead of as Related. a is an analyzer of this instance's own suite.
func foldRelated(a *analysis.Analyzer) {
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		cp := *pass
		cp.Report = func(d analysis.Diagnostic) {
			if len(d.Related) > 0 {
				at := pass.Fset.Position(d.Pos)
				var b strings.Builder
				b.WriteString(d.Message)
				for _, r := range d.Related {
					p := pass.Fset.Position(r.Pos)
					if p.Filename == at.Filename {
						fmt.Fprintf(&b, " [%d:%d: %s]", p.Line, p.Column, r.Message)
					} else {
						p.Filename = relPath(p.Filename)
						fmt.Fprintf(&b, " [%s: %s]", p, r.Message)
					}
				}
				d.Message, d.Related = b.String(), nil
			}
			report(d)
		}
		return run(&cp)
	}
}

// relPath returns name relative to the working directory when it is
// inside it, as the standalone driver prints paths.
func relPath(name string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return name
}
