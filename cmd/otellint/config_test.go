package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const shopSettings = `# otellint settings for the shop
rules:
  spanerror: false
exclusions:
  paths: ['shop/http\.go$']
`

// TestSettingsFile: .otellint.yml is found from the working directory up
// to the module root; flags override it; -config names another file.
func TestSettingsFile(t *testing.T) {
	dir := copyModule(t)
	if err := os.WriteFile(filepath.Join(dir, ".otellint.yml"), []byte(shopSettings), 0o644); err != nil {
		t.Fatal(err)
	}
	check := func(r result, what string, wantSpanerror bool) {
		t.Helper()
		if r.code != 3 {
			t.Fatalf("%s: exit code %d, want 3\n%s%s", what, r.code, r.stdout, r.stderr)
		}
		if strings.Contains(r.stdout, "http.go") {
			t.Errorf("%s: a finding in an excluded file:\n%s", what, r.stdout)
		}
		if got := strings.Contains(r.stdout, "spanerror:"); got != wantSpanerror {
			t.Errorf("%s: spanerror findings %v, want %v:\n%s", what, got, wantSpanerror, r.stdout)
		}
		if !strings.Contains(r.stdout, `spanend: span "audit" is not ended`) {
			t.Errorf("%s: spanend's findings are missing:\n%s", what, r.stdout)
		}
	}
	check(run(t, dir, nil, binary, "./e2e/shop"), "from the module root", false)
	check(run(t, filepath.Join(dir, "e2e", "shop"), nil, binary, "."), "from a package directory", false)
	check(run(t, dir, nil, binary, "-spanerror=true", "./e2e/shop"), "-spanerror=true overrides the file", true)

	// -config names a file anywhere; the found one is not read then.
	other := filepath.Join(t.TempDir(), "lint.yml")
	if err := os.WriteFile(other, []byte("rules:\n  blockinghandler: false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, nil, binary, "-config", other, "./e2e/shop")
	if r.code != 3 || !strings.Contains(r.stdout, "spanerror:") || strings.Contains(r.stdout, "blockinghandler:") {
		t.Errorf("-config %s: exit %d, want spanerror on and blockinghandler off:\n%s%s", other, r.code, r.stdout, r.stderr)
	}

	// Bad settings: every problem, each on its line, naming the file;
	// usage exit status, nothing analysed.
	if err := os.WriteFile(other, []byte("rules:\n  spanned: false\nspanend:\n  starts: [x.Start]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, nil, binary, "-config="+other, "./e2e/shop")
	want := []string{
		"otellint: " + other + `: rules: unknown rule "spanned"`,
		"otellint: " + other + `: spanend: unknown option "starts" (spanend options: end, generated, start)`,
	}
	if r.code != 2 || r.stdout != "" {
		t.Errorf("bad settings: exit %d, want 2 and no findings\n%s", r.code, r.stdout)
	}
	for _, w := range want {
		if !strings.Contains("\n"+r.stderr, "\n"+w) {
			t.Errorf("bad settings: stderr lacks the line %q:\n%s", w, r.stderr)
		}
	}
	r = run(t, dir, nil, binary, "-config="+filepath.Join(dir, "missing.yml"), "./e2e/shop")
	if r.code != 2 || !strings.Contains(r.stderr, "missing.yml") {
		t.Errorf("missing -config file: exit %d, want 2 naming the file\n%s", r.code, r.stderr)
	}
}

// TestVetSettingsFile: go vet -vettool=otellint reads the same file, from
// the package's directory up; -config takes an absolute path there.
func TestVetSettingsFile(t *testing.T) {
	dir := copyModule(t)
	file := filepath.Join(dir, ".otellint.yml")
	if err := os.WriteFile(file, []byte(shopSettings), 0o644); err != nil {
		t.Fatal(err)
	}
	// One cache for every run: go vet keeps results, and must not replay
	// them when the settings file changes.
	env := []string{"GOCACHE=" + t.TempDir()}
	r := run(t, dir, env, "go", "vet", "-vettool="+binary, "./e2e/shop")
	if r.code != 1 || strings.Contains(r.stderr, "http.go") || strings.Contains(r.stderr, "error returned while span") ||
		!strings.Contains(r.stderr, `span "audit" is not ended`) {
		t.Errorf("go vet with .otellint.yml: exit %d, want spanend's findings alone, none in http.go\n%s", r.code, r.stderr)
	}
	// A rule the file switches off, switched on again by its flag.
	r = run(t, dir, env, "go", "vet", "-vettool="+binary, "-spanerror=true", "./e2e/shop")
	if !strings.Contains(r.stderr, "error returned while span") {
		t.Errorf("go vet -spanerror=true does not override the file:\n%s", r.stderr)
	}
	r = run(t, dir, env, "go", "vet", "-vettool="+binary, "-config=.otellint.yml", "./e2e/shop")
	if r.code == 0 || !strings.Contains(r.stderr, "under go vet, give an absolute path") {
		t.Errorf("go vet -config with a relative path: exit %d, want an error asking for an absolute path\n%s", r.code, r.stderr)
	}
	if err := os.WriteFile(file, []byte("rules:\n  spanned: false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, env, "go", "vet", "-vettool="+binary, "./e2e/shop")
	// go vet prints the file's path relative to its directory.
	if r.code == 0 || !strings.Contains(r.stderr, `.otellint.yml: rules: unknown rule "spanned"`) {
		t.Errorf("go vet with bad settings: exit %d, want the error naming the file\n%s", r.code, r.stderr)
	}
}
