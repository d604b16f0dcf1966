package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/otellint/otellint/analyzers"
	"github.com/otellint/otellint/internal/driver/config"
)

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func lookup(suite []analyzers.Entry, rule, opt string) string {
	for _, e := range suite {
		if e.Analyzer.Name == rule {
			return e.Analyzer.Flags.Lookup(opt).Value.String()
		}
	}
	return "?"
}

// TestLoad: the file switches rules and sets options; the flags a command
// line sets are left alone, but checked all the same.
func TestLoad(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, ".otellint.yml")
	write(t, file, `
rules:
  spanctx: false
  goctx: false
spanend:
  start: [example.com/tel.Begin]
blockinghandler:
  depth: 2
`)
	suite := analyzers.NewSuite()
	cmdline := map[string]bool{"goctx": true, "blockinghandler.depth": true}
	cfg, err := config.Load(file, suite, func(n string) bool { return cmdline[n] })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Enabled["spanctx"] || !cfg.Enabled["goctx"] || !cfg.Enabled["spanend"] {
		t.Errorf("enabled: %v; want spanctx off, goctx left to the command line (default on), spanend on", cfg.Enabled)
	}
	if got := lookup(suite, "spanend", "start"); got != "example.com/tel.Begin" {
		t.Errorf("spanend.start = %q", got)
	}
	if got := lookup(suite, "blockinghandler", "depth"); got != "1" {
		t.Errorf("blockinghandler.depth = %q, want the default 1: the command line sets it", got)
	}
	for _, a := range cfg.Rules(suite) {
		if a.Name == "spanctx" {
			t.Error("Rules returns a switched-off rule")
		}
	}

	// A value the command line overrides is still checked.
	write(t, file, "blockinghandler:\n  depth: -1\n")
	_, err = config.Load(file, analyzers.NewSuite(), func(n string) bool { return n == "blockinghandler.depth" })
	if err == nil || !strings.Contains(err.Error(), file+": blockinghandler.depth: want a number of calls, 1 or more") {
		t.Errorf("error %v, want the bad depth named with the file", err)
	}
}

// TestLoadErrors: every problem, one per line, each naming the file.
func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, ".otellint.yml")
	for _, c := range []struct{ data, want string }{
		{"rules:\n  spanned: false\nfoo: 1\n", file + `: rules: unknown rule "spanned"`},
		{"rules:\n  spanned: false\nfoo: 1\n", file + `: unknown key "foo" (valid keys: rules, exclusions, and a rule name for its options: `},
		{"spanend:\n  start: 1\n  start: 2\n", `mapping key "start" already defined`},
		{"rules: [\n", file + ": yaml:"},
		{"- spanend\n", file + ": want a mapping with the keys rules, exclusions, spanend"},
		{"exclusions:\n  paths: ['(']\n", file + ": exclusions.paths: element 0: error parsing regexp"},
	} {
		write(t, file, c.data)
		_, err := config.Load(file, analyzers.NewSuite(), nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.data, err, c.want)
		}
	}
	if _, err := config.Load(filepath.Join(dir, "missing.yml"), analyzers.NewSuite(), nil); err == nil {
		t.Error("a missing file is no error")
	}
	write(t, file, "\n# nothing but a comment\n")
	cfg, err := config.Load(file, analyzers.NewSuite(), nil)
	if err != nil || !cfg.Enabled["spanend"] || cfg.Exclusions != nil {
		t.Errorf("an empty file: %v, %+v; want the defaults", err, cfg)
	}
}

// TestExclusions: golangci-lint's rules for linters.exclusions.paths and
// paths-except, relative to the settings file's directory.
func TestExclusions(t *testing.T) {
	base := t.TempDir()
	x := func(settings map[string]any) *config.Exclusions {
		cfg, err := config.Decode(map[string]any{"exclusions": settings}, analyzers.NewSuite(), nil, base)
		if err != nil {
			t.Fatal(err)
		}
		return cfg.Exclusions
	}
	paths := x(map[string]any{"paths": []any{`^internal/gen/`, `_mock\.go$`}})
	for name, want := range map[string]bool{
		filepath.Join(base, "internal", "gen", "a.go"):        true,
		filepath.Join(base, "pkg", "store_mock.go"):           true,
		filepath.Join(base, "pkg", "internal", "gen", "a.go"): false, // anchored at the base
		filepath.Join(base, "pkg", "store.go"):                false,
		"":                                                    false,
	} {
		if got := paths.Excluded(name); got != want {
			t.Errorf("paths: Excluded(%s) = %v, want %v", name, got, want)
		}
	}
	except := x(map[string]any{"paths-except": []any{`^cmd/`}})
	if except.Excluded(filepath.Join(base, "cmd", "main.go")) || !except.Excluded(filepath.Join(base, "lib", "a.go")) {
		t.Error("paths-except: want only cmd/ reported")
	}
	if x(map[string]any{}) != nil {
		t.Error("no patterns: want no exclusions")
	}
	var none *config.Exclusions
	if none.Excluded("a.go") {
		t.Error("nil exclusions exclude")
	}
}

// TestFind: from the directory up to the module root, not beyond.
func TestFind(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ".otellint.yml"), "")
	mod := filepath.Join(root, "mod")
	write(t, filepath.Join(mod, "go.mod"), "module example.com/m\n")
	sub := filepath.Join(mod, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := config.Find(sub); got != "" {
		t.Errorf("Find crossed the module root: %s", got)
	}
	write(t, filepath.Join(mod, ".otellint.yaml"), "")
	if got, want := config.Find(sub), filepath.Join(mod, ".otellint.yaml"); got != want {
		t.Errorf("Find = %s, want %s", got, want)
	}
	write(t, filepath.Join(mod, "a", ".otellint.yml"), "")
	if got, want := config.Find(sub), filepath.Join(mod, "a", ".otellint.yml"); got != want {
		t.Errorf("Find = %s, want the nearest %s", got, want)
	}
	if got := config.Find(root); got != filepath.Join(root, ".otellint.yml") {
		t.Errorf("Find(root) = %s", got)
	}
}
