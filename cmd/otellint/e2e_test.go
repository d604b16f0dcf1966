package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/otellint/otellint/analyzers"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// binary is the otellint command built once for all tests.
var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "otellint-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "otellint")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// testdataModule is the module of known findings (it vendors the OTel API).
func testdataModule(t *testing.T) string {
	dir, err := filepath.Abs("../../analyzers/testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

type result struct {
	stdout, stderr string
	code           int
}

func run(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return result{stdout.String(), stderr.String(), code}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test ./cmd/otellint -update rewrites it)\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestStandalone(t *testing.T) {
	r := run(t, testdataModule(t), nil, binary, "./e2e/shop")
	if r.code != 3 {
		t.Errorf("exit code %d, want 3 (findings); stderr:\n%s", r.code, r.stderr)
	}
	golden(t, "shop.txt", r.stdout)
}

func TestStandaloneTypeErrors(t *testing.T) {
	r := run(t, testdataModule(t), nil, binary, "./e2e/...")
	if r.code != 1 {
		t.Errorf("exit code %d, want 1 (a package does not type-check)", r.code)
	}
	if !strings.Contains(r.stderr, "e2e/broken/broken.go:6:9: cannot use") {
		t.Errorf("stderr lacks the compiler's error:\n%s", r.stderr)
	}
	if strings.Count(r.stderr, "cannot use") != 1 {
		t.Errorf("the type error is not reported exactly once:\n%s", r.stderr)
	}
	// The other packages are still analysed.
	if !strings.Contains(r.stdout, `span "audit" is not ended`) {
		t.Errorf("shop was not analysed next to the broken package:\n%s", r.stdout)
	}
	// In JSON, the error sits under the package, once for every rule.
	r = run(t, testdataModule(t), nil, binary, "-json", "./e2e/...")
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, r.stdout)
	}
	var e struct{ Error string }
	if err := json.Unmarshal(tree["example.com/testdata/e2e/broken"]["otellint"], &e); err != nil || !strings.Contains(e.Error, "cannot use") {
		t.Errorf("JSON lacks the type error under the broken package: %v\n%s", err, r.stdout)
	}
}

func TestVetTool(t *testing.T) {
	env := []string{"GOCACHE=" + t.TempDir()} // go vet caches results
	r := run(t, testdataModule(t), env, "go", "vet", "-vettool="+binary, "./e2e/shop")
	if r.code != 1 {
		t.Errorf("go vet exit code %d, want 1 (go vet's code for findings)\n%s", r.code, r.stderr)
	}
	// go vet prints each analyzer's findings as they come, related
	// positions as indented lines after them: compare the findings, sorted.
	var lines []string
	for _, l := range strings.Split(r.stderr, "\n") {
		if strings.HasPrefix(l, "e2e/") && !strings.Contains(l, ": \t") {
			lines = append(lines, l)
		}
	}
	sort.Strings(lines)
	golden(t, "shop.vet.txt", strings.Join(lines, "\n")+"\n")

	// Rule switches reach the tool through go vet.
	r = run(t, testdataModule(t), env, "go", "vet", "-vettool="+binary, "-spanend=false", "./e2e/shop")
	if r.code != 1 || strings.Contains(r.stderr, "not ended") || !strings.Contains(r.stderr, "error returned while span") {
		t.Errorf("go vet -spanend=false: exit code %d, want 1 with spanerror findings only\n%s", r.code, r.stderr)
	}
}

func TestJSON(t *testing.T) {
	r := run(t, testdataModule(t), nil, binary, "-json", "./e2e/shop")
	if r.code != 3 {
		t.Errorf("exit code %d, want 3", r.code)
	}
	var tree map[string]map[string][]struct {
		Posn           string `json:"posn"`
		Message        string `json:"message"`
		SuggestedFixes []struct {
			Message string `json:"message"`
		} `json:"suggested_fixes"`
		Related []struct{ Posn, Message string } `json:"related"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, r.stdout)
	}
	// shop has a test variant: each finding is listed once, under "shop".
	if len(tree) != 1 {
		t.Errorf("want one package in the tree, got %d: %v", len(tree), tree)
	}
	diags := tree["example.com/testdata/e2e/shop"]["spanend"]
	if len(diags) != 4 {
		t.Fatalf("want 4 spanend diagnostics, got %d:\n%s", len(diags), r.stdout)
	}
	fixes := 0
	for _, d := range diags {
		fixes += len(d.SuggestedFixes)
		if len(d.Related) == 0 {
			t.Errorf("%s: no related position", d.Posn)
		}
	}
	if fixes != 2 {
		t.Errorf("want 2 suggested fixes in the JSON, got %d", fixes)
	}
}

func TestFix(t *testing.T) {
	// Work on a copy: -fix rewrites files.
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(testdataModule(t))); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, nil, binary, "-fix", "-diff", "./e2e/shop")
	if !strings.Contains(r.stdout, "+\tdefer span.End()") || !strings.Contains(r.stdout, "--- a/e2e/shop/shop.go") {
		t.Errorf("-fix -diff output lacks the fix:\n%s", r.stdout)
	}
	if r.code != 3 {
		t.Errorf("-fix -diff: exit code %d, want 3 (findings without a fix remain)", r.code)
	}
	r = run(t, dir, nil, binary, "-fix", "./e2e/shop")
	if r.code != 3 {
		t.Errorf("-fix: exit code %d, want 3", r.code)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "e2e/shop/shop.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(fixed), "ctx, span := tel.Start(ctx, \"audit\")\n\tdefer span.End()\n") {
		t.Errorf("fix not applied:\n%s", fixed)
	}
	// The fixed code compiles and the fixed finding is gone.
	if r := run(t, dir, nil, "go", "build", "./e2e/shop"); r.code != 0 {
		t.Errorf("fixed code does not build:\n%s", r.stderr)
	}
	r = run(t, dir, nil, binary, "./e2e/shop")
	if strings.Contains(r.stdout, `spanend: span "audit"`) {
		t.Errorf("finding still reported after the fix:\n%s", r.stdout)
	}
}

func TestUsage(t *testing.T) {
	dir := testdataModule(t)
	for _, tc := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"help"}, 0, "spanend"},
		{[]string{"help", "spanend"}, 0, "# Configuration"},
		{[]string{"help", "nosuchrule"}, 2, ""},
		{[]string{"-nosuchflag", "./e2e/shop"}, 2, ""},
		{[]string{"-diff", "./e2e/shop"}, 2, ""},
		{append(allRulesOff(), "./e2e/shop"), 2, ""},
		{[]string{"-spanerror=false", "./e2e/shop"}, 3, "spanend:"},
		{[]string{"./e2e/tel"}, 0, ""},
		{[]string{"./no/such/dir"}, 1, ""},
	} {
		r := run(t, dir, nil, binary, tc.args...)
		if r.code != tc.code {
			t.Errorf("otellint %v: exit code %d, want %d\nstdout: %s\nstderr: %s", tc.args, r.code, tc.code, r.stdout, r.stderr)
		}
		if !strings.Contains(r.stdout, tc.out) {
			t.Errorf("otellint %v: stdout lacks %q:\n%s", tc.args, tc.out, r.stdout)
		}
	}
}

func TestVetProtocol(t *testing.T) {
	r := run(t, ".", nil, binary, "-V=full")
	if r.code != 0 || !strings.HasPrefix(r.stdout, binary+" version") && !strings.Contains(r.stdout, "version") {
		t.Errorf("-V=full: exit %d, output %q", r.code, r.stdout)
	}
	r = run(t, ".", nil, binary, "-flags")
	var flags []struct{ Name string }
	if err := json.Unmarshal([]byte(r.stdout), &flags); err != nil {
		t.Fatalf("-flags: %v\n%s", err, r.stdout)
	}
	names := map[string]bool{}
	for _, f := range flags {
		names[f.Name] = true
	}
	for _, want := range []string{"spanend", "spanend.start", "spanend.end"} {
		if !names[want] {
			t.Errorf("-flags lacks %s", want)
		}
	}
}

// TestRepoClean keeps the repository clean under its own tools: gofmt,
// go vet and otellint itself.
func TestRepoClean(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	root, _ := filepath.Abs("../..")
	r := run(t, root, nil, "gofmt", "-l", "analyzers", "cmd", "internal", "gclplugin", "gen.go")
	var bad []string
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if l != "" && !strings.Contains(l, "testdata") {
			bad = append(bad, l)
		}
	}
	if len(bad) > 0 {
		t.Errorf("gofmt would change: %v", bad)
	}
	if r := run(t, root, nil, "go", "vet", "./..."); r.code != 0 {
		t.Errorf("go vet ./...:\n%s", r.stderr)
	}
	if r := run(t, root, nil, binary, lintedPackages(t, root)...); r.code != 0 {
		t.Errorf("otellint on the repo: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// lintedPackages lists the repository's packages but the reference
// service's anti-patterns, which make every rule's mistake on purpose.
func lintedPackages(t *testing.T, root string) []string {
	t.Helper()
	r := run(t, root, nil, "go", "list", "./...")
	if r.code != 0 {
		t.Fatalf("go list: %s", r.stderr)
	}
	var pkgs []string
	for _, p := range strings.Fields(r.stdout) {
		if !strings.Contains(p, "/antipatterns") {
			pkgs = append(pkgs, p)
		}
	}
	return pkgs
}

// TestRefserviceClean: the reference service follows every rule, so
// otellint (every rule on) finds nothing in it, standalone or under go vet.
func TestRefserviceClean(t *testing.T) {
	root, _ := filepath.Abs("../..")
	pkgs := []string{"./refservice", "./refservice/internal/...", "./cmd/refservice"}
	r := run(t, root, nil, binary, pkgs...)
	if r.code != 0 || r.stdout != "" {
		t.Errorf("otellint on the reference service: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, root, nil, "go", append([]string{"vet", "-vettool=" + binary}, pkgs...)...)
	if r.code != 0 {
		t.Errorf("go vet -vettool=otellint on the reference service: exit %d\n%s", r.code, r.stderr)
	}
}

// TestAntipatterns: each anti-pattern of the reference service is flagged
// by its own rule and nothing else.
func TestAntipatterns(t *testing.T) {
	root, _ := filepath.Abs("../..")
	r := run(t, root, nil, binary, "./refservice/antipatterns/...")
	if r.code != 3 {
		t.Errorf("exit %d, want 3\n%s", r.code, r.stderr)
	}
	path := filepath.Join(root, "refservice", "antipatterns", "testdata", "findings.golden")
	if *update {
		if err := os.WriteFile(path, []byte(r.stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if r.stdout != string(want) {
		t.Errorf("findings on refservice/antipatterns differ from %s (-update rewrites it)\n--- got\n%s--- want\n%s", path, r.stdout, want)
	}
}

// allRulesOff returns a flag switching off each rule of the suite.
func allRulesOff() []string {
	var args []string
	for _, e := range analyzers.Suite {
		args = append(args, "-"+e.Analyzer.Name+"=false")
	}
	return args
}
