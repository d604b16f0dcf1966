package driver

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/otellint/otellint/analyzers"
	"github.com/otellint/otellint/internal/driver/config"
)

// runVet is otellint as a go vet tool. unitchecker owns the vet protocol
// (-V=full, -flags, *.cfg), the rule switches (-spanend=false) and rule
// options; otellint adds -config and the settings file, which it applies
// before unitchecker parses the command line, so that flags override it.
func runVet(args []string) {
	suite := analyzers.NewSuite()
	explicit, set := scanFlags(args)
	// Declared, so that go vet passes it through (it asks -flags).
	flag.CommandLine.String("config", "", "read settings from `file` (an absolute path: go vet runs otellint in each package's directory); default: the first .otellint.yml from the package's directory up to its module root")

	rules := make([]*analysis.Analyzer, 0, len(suite)+1)
	for _, e := range suite {
		rules = append(rules, e.Analyzer)
	}
	directives := analyzers.NewDirectives()
	if cfgFile := args[len(args)-1]; strings.HasSuffix(cfgFile, ".cfg") {
		if vetxOnly(cfgFile) {
			// A dependency, analysed for its facts only: the rules skip
			// it when the standalone driver would read it from export
			// data (the standard library, most of the module cache).
			analyzers.SkipDependencies(suite, directives)
		}
		path, err := vetSettingsFile(explicit, cfgFile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "otellint:", err)
			os.Exit(ExitUsage)
		}
		if path != "" {
			cfg, err := config.Load(path, suite, func(name string) bool { return set[name] })
			if err != nil {
				fmt.Fprintln(os.Stderr, config.Prefixed("otellint: ", err))
				os.Exit(ExitUsage)
			}
			for i, e := range suite {
				a := e.Analyzer
				config.Exclude(a, cfg.Exclusions)
				if !cfg.Enabled[a.Name] {
					rules[i] = switchedOff(a)
				}
			}
			config.Exclude(directives, cfg.Exclusions)
		}
	}
	os.Args = append([]string{os.Args[0]}, args...)
	unitchecker.Main(append(rules, directives)...)
}

// scanFlags returns the value of -config and the names of the flags on the
// command line, which override the settings file.
func scanFlags(args []string) (config string, set map[string]bool) {
	set = map[string]bool{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" || a == "--" {
			continue
		}
		name := strings.TrimLeft(a, "-")
		value, hasValue := "", false
		if j := strings.IndexByte(name, '='); j >= 0 {
			name, value, hasValue = name[:j], name[j+1:], true
		}
		set[name] = true
		if name == "config" {
			if !hasValue && i+1 < len(args) {
				i++
				value = args[i]
			}
			config = value
		}
	}
	return config, set
}

// vetSettingsFile returns the settings file for the package that the
// go vet config file cfgFile describes: the -config file, or the one found
// from the package's directory up to its module root. Packages of other
// modules (dependencies, analysed for their facts only) take no file but
// the -config one: the file is the policy of the module it sits in.
func vetSettingsFile(explicit, cfgFile string) (string, error) {
	if explicit != "" {
		if !filepath.IsAbs(explicit) {
			return "", fmt.Errorf("-config %s: under go vet, give an absolute path (go vet runs otellint in each package's directory), e.g. -config=$PWD/%s", explicit, explicit)
		}
		if _, err := os.Stat(explicit); err != nil {
			return "", fmt.Errorf("-config: %v", err)
		}
		return explicit, nil
	}
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return "", nil // unitchecker reports it
	}
	var unit struct {
		Dir           string
		ModulePath    string
		ModuleVersion string
		GoFiles       []string
	}
	if json.Unmarshal(data, &unit) != nil || unit.ModulePath == "" || unit.ModuleVersion != "" {
		return "", nil
	}
	dir := unit.Dir
	if dir == "" && len(unit.GoFiles) > 0 {
		dir = filepath.Dir(unit.GoFiles[0])
	}
	if dir == "" {
		dir, _ = os.Getwd()
	}
	return config.Find(dir), nil
}

// switchedOff returns a copy of the rule a that does nothing: a rule the
// settings switch off keeps its flags, so go vet still accepts them.
func switchedOff(a *analysis.Analyzer) *analysis.Analyzer {
	cp := *a
	cp.Requires = nil
	cp.Run = func(*analysis.Pass) (any, error) { return nil, nil }
	return &cp
}

// vetxOnly reports whether the go vet config file asks for facts only (a
// dependency of the packages named).
func vetxOnly(cfgFile string) bool {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return false // unitchecker reports it
	}
	var unit struct{ VetxOnly bool }
	return json.Unmarshal(data, &unit) == nil && unit.VetxOnly
}
