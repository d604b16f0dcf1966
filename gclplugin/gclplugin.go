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
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers"
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
	as, err := Analyzers(settings)
	if err != nil {
		return nil, err
	}
	// The directive check is no rule: it runs whichever rules do, and
	// reports under the linter's own name (golangci-lint adds no prefix).
	return &plugin{analyzers: append(as, analyzers.NewDirectives())}, nil
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

// BuildAnalyzers returns the enabled rules of the instance's suite and the
// directive check.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode asks for type information: every rule needs it.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// rulesKey is the settings key that switches rules on and off.
const rulesKey = "rules"

// Analyzers returns the rules that settings enable, in suite order, from a
// fresh suite whose options settings set. The error lists every problem
// found in settings.
func Analyzers(settings any) ([]*analysis.Analyzer, error) {
	suite := analyzers.NewSuite()
	enabled := map[string]bool{}
	byName := map[string]*analysis.Analyzer{}
	var names []string
	for _, e := range suite {
		enabled[e.Analyzer.Name] = e.Default
		byName[e.Analyzer.Name] = e.Analyzer
		names = append(names, e.Analyzer.Name)
	}

	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("otellint settings: "+format, args...))
	}
	top, ok := mapping(settings)
	if !ok {
		fail("want a mapping with the keys %s, got %s", strings.Join(append([]string{rulesKey}, names...), ", "), describe(settings))
		return nil, errors.Join(errs...)
	}
	for _, key := range sortedKeys(top) {
		val := top[key]
		if key == rulesKey {
			rules, ok := mapping(val)
			if !ok {
				fail("%s: want a mapping of rule names to true or false, got %s", rulesKey, describe(val))
				continue
			}
			for _, name := range sortedKeys(rules) {
				if _, ok := byName[name]; !ok {
					fail("%s: unknown rule %q (rules: %s)", rulesKey, name, strings.Join(names, ", "))
					continue
				}
				on, ok := rules[name].(bool)
				if !ok {
					fail("%s.%s: want true or false, got %s", rulesKey, name, describe(rules[name]))
					continue
				}
				enabled[name] = on
			}
			continue
		}
		a, ok := byName[key]
		if !ok {
			fail("unknown key %q (valid keys: %s, and a rule name for its options: %s)", key, rulesKey, strings.Join(names, ", "))
			continue
		}
		opts, ok := mapping(val)
		if !ok {
			fail("%s: want a mapping of %s's options, got %s", key, key, describe(val))
			continue
		}
		for _, opt := range sortedKeys(opts) {
			f := a.Flags.Lookup(opt)
			if f == nil {
				if valid := flagNames(a); len(valid) > 0 {
					fail("%s: unknown option %q (%s options: %s)", key, opt, key, strings.Join(valid, ", "))
				} else {
					fail("%s: unknown option %q (%s has no options)", key, opt, key)
				}
				continue
			}
			if err := set(f, opts[opt]); err != nil {
				fail("%s.%s: %v", key, opt, err)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	var out []*analysis.Analyzer
	for _, e := range suite {
		if enabled[e.Analyzer.Name] {
			foldRelated(e.Analyzer)
			out = append(out, e.Analyzer)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("otellint settings: %s: every rule is switched off (disable the otellint linter instead)", rulesKey)
	}
	return out, nil
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

// set gives the flag f the settings value v, by the type of f's value.
func set(f *flag.Flag, v any) error {
	var kind any // what the flag holds
	if g, ok := f.Value.(flag.Getter); ok {
		kind = g.Get()
	}
	switch kind.(type) {
	case bool:
		b, ok := v.(bool)
		if !ok {
			return fmt.Errorf("want true or false, got %s", describe(v))
		}
		return f.Value.Set(strconv.FormatBool(b))
	case []string:
		// A list: a YAML list of strings, or one comma-separated string.
		if s, ok := v.(string); ok {
			return f.Value.Set(s)
		}
		list, ok := v.([]any)
		if !ok {
			return fmt.Errorf("want a list of strings or a comma-separated string, got %s", describe(v))
		}
		for i, x := range list {
			s, ok := x.(string)
			if !ok {
				return fmt.Errorf("element %d: want a string, got %s", i, describe(x))
			}
			if err := f.Value.Set(s); err != nil {
				return err
			}
		}
		return nil
	case int:
		// A whole number; a string, even "2", is not one.
		switch n := v.(type) {
		case int, int64, uint64:
			return f.Value.Set(fmt.Sprint(n))
		case float64:
			if n == math.Trunc(n) {
				return f.Value.Set(strconv.FormatFloat(n, 'f', -1, 64))
			}
		}
		return fmt.Errorf("want a whole number, got %s", describe(v))
	default:
		// Strings, numbers and durations: a scalar in the flag's syntax
		// (a bool too, which the flag may reject with its own words).
		switch v.(type) {
		case string, int, int64, uint64, float64, bool:
			return f.Value.Set(fmt.Sprint(v))
		}
		return fmt.Errorf("want a single value, got %s", describe(v))
	}
}

// mapping returns v as a map with string keys: the settings golangci-lint
// decodes from YAML (map[string]any), or from older YAML decoders
// (map[any]any). A missing value is an empty mapping.
func mapping(v any) (map[string]any, bool) {
	switch m := v.(type) {
	case nil:
		return map[string]any{}, true
	case map[string]any:
		return m, true
	case map[any]any:
		out := make(map[string]any, len(m))
		for k, x := range m {
			s, ok := k.(string)
			if !ok {
				return nil, false
			}
			out[s] = x
		}
		return out, true
	}
	return nil, false
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func flagNames(a *analysis.Analyzer) []string {
	var names []string
	a.Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	slices.Sort(names)
	return names
}

// describe names a settings value's YAML type, and the value when short.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nothing"
	case bool:
		return fmt.Sprintf("a bool (%v)", x)
	case string:
		return fmt.Sprintf("a string (%q)", x)
	case int, int64, uint64, float64:
		return fmt.Sprintf("a number (%v)", x)
	case []any:
		return "a list"
	case map[string]any, map[any]any:
		return "a mapping"
	}
	return reflect.TypeOf(v).String()
}
