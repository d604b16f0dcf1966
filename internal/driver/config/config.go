// Package config reads otellint's settings: the .otellint.yml file of the
// standalone and go vet drivers, and the settings of the golangci-lint
// plugin, which have one schema and one strict decoder.
//
//	rules:              # rule -> true/false; unlisted rules keep their default
//	  spanctx: false
//	spanend:            # a rule's options, named as the -<rule>.<option> flags
//	  start: [github.com/acme/tel.Start]
//	exclusions:         # findings in these files are not reported
//	  paths: ['^internal/gen/', '_mock\.go$']
//	  paths-except: []
//
// Decoding is strict: an unknown key, rule or option, or a value of the
// wrong type, is an error that names it and lists what is valid, and every
// problem is reported at once.
package config

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers"
)

// FileNames are the names of the settings file, in the order a directory
// is searched for them.
var FileNames = []string{".otellint.yml", ".otellint.yaml"}

// Keys of the settings besides the rule names.
const (
	RulesKey      = "rules"
	ExclusionsKey = "exclusions"
)

// Config is the decoded settings.
type Config struct {
	// Enabled tells, for every rule of the suite, whether it runs.
	Enabled map[string]bool
	// Exclusions drops findings by file; nil when there are none.
	Exclusions *Exclusions
}

// Rules returns the analyzers of suite that c enables, in suite order.
func (c *Config) Rules(suite []analyzers.Entry) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, e := range suite {
		if c.Enabled[e.Analyzer.Name] {
			out = append(out, e.Analyzer)
		}
	}
	return out
}

// Decode applies settings, a value decoded from YAML (nil when there is
// none), to suite: it sets the options of suite's rules and tells which
// rules run. keep reports the switches and options set on a command line,
// by flag name ("spanctx", "spanend.start"): flags override the settings,
// so Decode leaves those alone (it still checks them). keep may be nil.
// base is the directory exclusion paths are relative to.
//
// The error joins every problem found, each without a prefix: the caller
// says where the settings come from.
func Decode(settings any, suite []analyzers.Entry, keep func(flag string) bool, base string) (*Config, error) {
	if keep != nil {
		// What the command line overrides is checked all the same, on a
		// suite of its own.
		if _, err := decode(settings, analyzers.NewSuite(), func(string) bool { return false }, base); err != nil {
			return nil, err
		}
	} else {
		keep = func(string) bool { return false }
	}
	return decode(settings, suite, keep, base)
}

func decode(settings any, suite []analyzers.Entry, keep func(flag string) bool, base string) (*Config, error) {
	cfg := &Config{Enabled: map[string]bool{}}
	byName := map[string]*analysis.Analyzer{}
	var names []string
	for _, e := range suite {
		cfg.Enabled[e.Analyzer.Name] = e.Default
		byName[e.Analyzer.Name] = e.Analyzer
		names = append(names, e.Analyzer.Name)
	}

	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf(format, args...))
	}
	top, ok := mapping(settings)
	if !ok {
		fail("want a mapping with the keys %s, got %s", strings.Join(append([]string{RulesKey, ExclusionsKey}, names...), ", "), describe(settings))
		return nil, errors.Join(errs...)
	}
	for _, key := range sortedKeys(top) {
		val := top[key]
		switch key {
		case RulesKey:
			rules, ok := mapping(val)
			if !ok {
				fail("%s: want a mapping of rule names to true or false, got %s", RulesKey, describe(val))
				continue
			}
			for _, name := range sortedKeys(rules) {
				if _, ok := byName[name]; !ok {
					fail("%s: unknown rule %q (rules: %s)", RulesKey, name, strings.Join(names, ", "))
					continue
				}
				on, ok := rules[name].(bool)
				if !ok {
					fail("%s.%s: want true or false, got %s", RulesKey, name, describe(rules[name]))
					continue
				}
				if !keep(name) {
					cfg.Enabled[name] = on
				}
			}
			continue
		case ExclusionsKey:
			x, xerrs := decodeExclusions(val, base)
			errs = append(errs, xerrs...)
			cfg.Exclusions = x
			continue
		}
		a, ok := byName[key]
		if !ok {
			fail("unknown key %q (valid keys: %s, %s, and a rule name for its options: %s)", key, RulesKey, ExclusionsKey, strings.Join(names, ", "))
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
			if keep(key + "." + opt) {
				continue // the command line says
			}
			if err := set(f, opts[opt]); err != nil {
				fail("%s.%s: %v", key, opt, err)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return cfg, nil
}

// Exclusions drops findings in files whose path matches one of Paths, or,
// when PathsExcept is not empty, matches none of them: the rules of
// golangci-lint's linters.exclusions.paths and paths-except. Paths are
// matched with '/' separators, relative to Base (the settings file's
// directory), and a regexp matches anywhere in the path unless anchored.
type Exclusions struct {
	Base        string
	Paths       []*regexp.Regexp
	PathsExcept []*regexp.Regexp
}

// Excluded reports whether findings in the file filename are dropped.
func (x *Exclusions) Excluded(filename string) bool {
	if x == nil || filename == "" {
		return false
	}
	rel := filename
	if x.Base != "" && filepath.IsAbs(filename) {
		if r, err := filepath.Rel(x.Base, filename); err == nil {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	for _, re := range x.Paths {
		if re.MatchString(rel) {
			return true
		}
	}
	if len(x.PathsExcept) == 0 {
		return false
	}
	for _, re := range x.PathsExcept {
		if re.MatchString(rel) {
			return false
		}
	}
	return true
}

func decodeExclusions(v any, base string) (*Exclusions, []error) {
	var errs []error
	m, ok := mapping(v)
	if !ok {
		return nil, []error{fmt.Errorf("%s: want a mapping with the keys paths, paths-except, got %s", ExclusionsKey, describe(v))}
	}
	x := &Exclusions{Base: base}
	for _, key := range sortedKeys(m) {
		var dst *[]*regexp.Regexp
		switch key {
		case "paths":
			dst = &x.Paths
		case "paths-except":
			dst = &x.PathsExcept
		default:
			errs = append(errs, fmt.Errorf("%s: unknown key %q (valid keys: paths, paths-except)", ExclusionsKey, key))
			continue
		}
		list, ok := m[key].([]any)
		if !ok && m[key] != nil {
			errs = append(errs, fmt.Errorf("%s.%s: want a list of regular expressions, got %s", ExclusionsKey, key, describe(m[key])))
			continue
		}
		for i, p := range list {
			s, ok := p.(string)
			if !ok {
				errs = append(errs, fmt.Errorf("%s.%s: element %d: want a string, got %s", ExclusionsKey, key, i, describe(p)))
				continue
			}
			re, err := regexp.Compile(s)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s.%s: element %d: %v", ExclusionsKey, key, i, err))
				continue
			}
			*dst = append(*dst, re)
		}
	}
	if len(x.Paths) == 0 && len(x.PathsExcept) == 0 {
		x = nil
	}
	return x, errs
}

// Exclude makes a drop the findings (and their fixes) that x excludes.
// a must be an analyzer of a suite of its own (analyzers.NewSuite): its
// Run is replaced.
func Exclude(a *analysis.Analyzer, x *Exclusions) {
	if x == nil {
		return
	}
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		cp := *pass
		cp.Report = func(d analysis.Diagnostic) {
			if x.Excluded(pass.Fset.Position(d.Pos).Filename) {
				return
			}
			report(d)
		}
		return run(&cp)
	}
}

// Find returns the settings file that applies in dir: the first of
// FileNames in dir or a parent, up to the module root (the first directory
// with a go.mod file) or the file system's root. It returns "" when there
// is none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		for _, n := range FileNames {
			p := filepath.Join(dir, n)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p
			}
		}
		if st, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !st.IsDir() {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// ReadFile reads and parses the settings file path: YAML whose top level
// is the settings mapping. An empty file is no settings.
func ReadFile(path string) (any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return v, nil
}

// Load reads the settings file path and applies it to suite, as Decode.
// Errors name the file.
func Load(path string, suite []analyzers.Entry, keep func(string) bool) (*Config, error) {
	v, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	cfg, err := Decode(v, suite, keep, filepath.Dir(absPath(path)))
	if err != nil {
		return nil, prefixed(path+": ", err)
	}
	return cfg, nil
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// prefixed returns err with every joined error prefixed by p.
func prefixed(p string, err error) error {
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	out := make([]error, len(list))
	for i, e := range list {
		out[i] = fmt.Errorf("%s%w", p, e)
	}
	return errors.Join(out...)
}

// Prefixed returns err with every problem it joins prefixed by p, as the
// drivers print them: one line each.
func Prefixed(p string, err error) error { return prefixed(p, err) }

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
