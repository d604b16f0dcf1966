package main_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
)

// fixModule returns a copy of the testdata module to fix: its go.mod,
// go.sum, e2e and deps directories, the packages of testdata/fix under
// e2e, and its vendor directory linked (-fix never writes there: it is no
// main module's).
func fixModule(t *testing.T) string {
	t.Helper()
	src := testdataModule(t)
	dir := t.TempDir()
	for _, name := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, sub := range []string{"e2e", "deps"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(src, sub))); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.CopyFS(filepath.Join(dir, "e2e"), os.DirFS("testdata/fix")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(src, "vendor"), filepath.Join(dir, "vendor")); err != nil {
		if err := os.CopyFS(filepath.Join(dir, "vendor"), os.DirFS(filepath.Join(src, "vendor"))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// snapshot returns the content of every file under dir/sub.
func snapshot(t *testing.T, dir, sub string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(filepath.Join(dir, sub), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		files[path] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameFiles(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	for path, content := range before {
		if after[path] != content {
			t.Errorf("%s: %s changed:\n%s", what, path, after[path])
		}
	}
	for path := range after {
		if _, ok := before[path]; !ok {
			t.Errorf("%s: %s was created", what, path)
		}
	}
}

// TestFixDiffChangesNothing: -fix -diff prints the diff, writes nothing,
// and exits 3 even when every finding has a fix: the findings remain.
func TestFixDiffChangesNothing(t *testing.T) {
	dir := fixModule(t)
	before := snapshot(t, dir, "e2e")
	r := run(t, dir, nil, binary, "-fix", "-diff", "./e2e/onefix")
	if r.code != 3 {
		t.Errorf("exit code %d, want 3 (the finding remains)\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "+\tdefer span.End()\n") {
		t.Errorf("no diff:\n%s", r.stdout)
	}
	sameFiles(t, "-fix -diff", before, snapshot(t, dir, "e2e"))
	// After -fix, nothing is left.
	r = run(t, dir, nil, binary, "-fix", "./e2e/onefix")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("-fix: exit code %d, want 0\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, dir, nil, binary, "-fix", "-diff", "./e2e/onefix")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("-fix -diff after -fix: exit code %d, want 0 and no diff\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestFixDropsBrokenFixes: the fixes that would not compile (issue 13:
// spanend before a case and after a one-line function, spanctx's unused
// rebinding, spanerror's shadowed codes) are dropped with a warning naming
// rule and position, their findings are reported, the other fixes are
// applied (spanerror's, with the codes import), and the package builds.
// Whether a rule still makes such a fix or no longer offers it, the
// result compiles.
func TestFixDropsBrokenFixes(t *testing.T) {
	dir := fixModule(t)
	r := run(t, dir, nil, binary, "-fix", "./e2e/fixsafety")
	if r.code != 3 {
		t.Errorf("exit code %d, want 3 (the findings of dropped fixes remain)\n%s", r.code, r.stderr)
	}
	if b := run(t, dir, nil, "go", "vet", "./e2e/fixsafety"); b.code != 0 {
		t.Fatalf("the fixed package does not build:\n%s", b.stderr)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "e2e/fixsafety/status.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(fixed), "span.SetStatus(codes.Error, err.Error())") || !strings.Contains(string(fixed), `"go.opentelemetry.io/otel/codes"`) {
		t.Errorf("the valid fix was not applied:\n%s", fixed)
	}
	// Each warning names a finding that is still reported.
	warning := regexp.MustCompile(`^otellint: (e2e/fixsafety/\w+\.go:\d+:\d+: \w+): fix ".*" not applied: the fixed code would not compile: e2e/fixsafety/\w+\.go:\d+:\d+ \(after the fix\): .+$`)
	dropped := 0
	for _, l := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if l == "" {
			continue
		}
		m := warning.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("unexpected stderr line: %s", l)
			continue
		}
		dropped++
		if !strings.Contains(r.stdout, m[1]+": ") {
			t.Errorf("the finding of a dropped fix is not reported: %s\n%s", m[1], r.stdout)
		}
	}
	if dropped == 0 {
		t.Log("no rule makes a broken fix here any more")
	}
	// What -fix reports is what is left in the fixed code.
	after := run(t, dir, nil, binary, "./e2e/fixsafety")
	if got, want := withoutPositions(r.stdout), withoutPositions(after.stdout); got != want {
		t.Errorf("-fix reported\n%s\nthe fixed code has\n%s", got, want)
	}
}

// withoutPositions returns findings without their line and column, which
// a fix moves.
func withoutPositions(out string) string {
	pos := regexp.MustCompile(`^([^:]+):\d+:\d+: `)
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		l, _, _ = strings.Cut(pos.ReplaceAllString(l, "$1: "), " [")
		lines = append(lines, l)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestFixReadOnlyFile: when one file cannot be written, no file is
// changed, and every finding is reported.
func TestFixReadOnlyFile(t *testing.T) {
	dir := fixModule(t)
	plain := run(t, dir, nil, binary, "./e2e/shop")
	if err := os.Chmod(filepath.Join(dir, "e2e/shop/shop.go"), 0o444); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir, "e2e")
	r := run(t, dir, nil, binary, "-fix", "./e2e/shop")
	if r.code != 1 {
		t.Errorf("exit code %d, want 1", r.code)
	}
	if want := "otellint: -fix: cannot write e2e/shop/shop.go: the file is read-only; no file was changed\n"; r.stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", r.stderr, want)
	}
	if r.stdout != plain.stdout {
		t.Errorf("findings:\n%s\nwant every finding:\n%s", r.stdout, plain.stdout)
	}
	sameFiles(t, "read-only file", before, snapshot(t, dir, "e2e"))
}

// TestFixFullDisk: a write that fails for want of space (here a file size
// limit, which fails the write as a full disk does) leaves every file as
// it was, the other files of the run included.
func TestFixFullDisk(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs ulimit -f")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("needs bash")
	}
	dir := fixModule(t)
	// shop.go grows past the limit; its fix writes http.go and
	// inventory.go, which stay below it, first.
	shop := filepath.Join(dir, "e2e/shop/shop.go")
	data, err := os.ReadFile(shop)
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, []byte("\n// "+strings.Repeat("padding ", 1024)+"\n")...)
	if err := os.WriteFile(shop, data, 0o644); err != nil {
		t.Fatal(err)
	}
	plain := run(t, dir, nil, binary, "./e2e/shop") // warms the build cache: go list writes little
	before := snapshot(t, dir, "e2e")
	r := run(t, dir, nil, bash, "-c", `ulimit -f 4 && exec "$0" -fix ./e2e/shop`, binary)
	if r.code != 1 {
		t.Errorf("exit code %d, want 1\n%s", r.code, r.stderr)
	}
	if !strings.HasPrefix(r.stderr, "otellint: -fix: cannot write e2e/shop/shop.go: write ") || !strings.HasSuffix(r.stderr, ": file too large; no file was changed\n") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	if r.stdout != plain.stdout {
		t.Errorf("findings:\n%s\nwant every finding:\n%s", r.stdout, plain.stdout)
	}
	sameFiles(t, "full disk", before, snapshot(t, dir, "e2e"))
}

// TestFixKeepsCRLFAndBOM: a file with CRLF line endings and a byte order
// mark keeps both under -fix, and the -diff output, applied with git
// apply, gives the same file.
func TestFixKeepsCRLFAndBOM(t *testing.T) {
	dir := fixModule(t)
	name := filepath.Join(dir, "e2e/onefix/onefix.go")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	orig := append([]byte("\ufeff"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
	if err := os.WriteFile(name, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	d := run(t, dir, nil, binary, "-fix", "-diff", "./e2e/onefix")
	if !strings.Contains(d.stdout, "\n+\tdefer span.End()\r\n") || strings.Count(d.stdout, "\n+") != 2 || strings.Count(d.stdout, "\n-") != 0 {
		t.Errorf("the diff is not one added CRLF line:\n%q", d.stdout)
	}
	r := run(t, dir, nil, binary, "-fix", "./e2e/onefix")
	if r.code != 0 {
		t.Fatalf("exit code %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	fixed, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	want := bytes.Replace(orig, []byte("\"audit\")\r\n"), []byte("\"audit\")\r\n\tdefer span.End()\r\n"), 1)
	if !bytes.Equal(fixed, want) {
		t.Errorf("-fix wrote\n%q\nwant\n%q", fixed, want)
	}
	// The diff applies to the original and gives the fixed file.
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	if err := os.WriteFile(name, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	patch := filepath.Join(t.TempDir(), "fix.patch")
	if err := os.WriteFile(patch, []byte(d.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	if g := run(t, dir, nil, "git", "apply", patch); g.code != 0 {
		t.Fatalf("git apply: %s", g.stderr)
	}
	applied, _ := os.ReadFile(name)
	if !bytes.Equal(applied, fixed) {
		t.Errorf("the applied diff gives\n%q\nwant\n%q", applied, fixed)
	}
}

// writeFiles writes files under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const leakSource = `package %s

import (
	"context"

	"go.opentelemetry.io/otel"
)

func Leak(ctx context.Context) {
	_, span := otel.Tracer("x").Start(ctx, "leak")
	span.AddEvent("x")
}
`

// moduleCacheEnv returns the environment of a go command that resolves
// modules from a file proxy holding example.com/dep v1.0.0 (a span leak
// with a fix), and the OTel modules from the local module cache's
// downloads, into a module cache of its own.
//
// The tests that use it run go mod tidy -e: tidy also resolves the imports
// of the OTel modules' own tests (testify, go-cmp), which a fresh machine's
// go mod download does not fetch, and no build here needs them.
func moduleCacheEnv(t *testing.T) []string {
	t.Helper()
	gomodcache := strings.TrimSpace(run(t, ".", nil, "go", "env", "GOMODCACHE").stdout)
	downloads := filepath.Join(gomodcache, "cache", "download")
	if _, err := os.Stat(filepath.Join(downloads, "go.opentelemetry.io", "otel", "@v", "v1.47.0.zip")); err != nil {
		t.Skip("the OTel module is not in the local module cache")
	}
	if _, err := exec.LookPath("zip"); err != nil {
		t.Skip("no zip")
	}
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy", "example.com", "dep", "@v")
	src := filepath.Join(tmp, "src")
	mod := "module example.com/dep\n\ngo 1.22\n\nrequire go.opentelemetry.io/otel v1.47.0\n"
	writeFiles(t, filepath.Join(src, "example.com", "dep@v1.0.0"), map[string]string{
		"go.mod": mod,
		"dep.go": strings.Replace(leakSource, "%s", "dep", 1),
	})
	writeFiles(t, proxy, map[string]string{
		"list":        "v1.0.0\n",
		"v1.0.0.info": `{"Version":"v1.0.0"}`,
		"v1.0.0.mod":  mod,
	})
	if z := run(t, src, nil, "zip", "-qrD", filepath.Join(proxy, "v1.0.0.zip"), "example.com"); z.code != 0 {
		t.Fatalf("zip: %s", z.stderr)
	}
	cache := filepath.Join(tmp, "modcache")
	t.Cleanup(func() {
		// The module cache is read-only.
		filepath.WalkDir(cache, func(path string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				os.Chmod(path, 0o755)
			}
			return nil
		})
	})
	return []string{
		"GOMODCACHE=" + cache,
		"GOPROXY=file://" + filepath.ToSlash(filepath.Join(tmp, "proxy")) + ",file://" + filepath.ToSlash(downloads),
		"GOSUMDB=off", "GOFLAGS=", "GOWORK=",
	}
}

// TestFixRefusesModuleCache: -fix on a package in the module cache changes
// nothing there, says why, and reports its findings.
func TestFixRefusesModuleCache(t *testing.T) {
	env := moduleCacheEnv(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":  "module example.com/main\n\ngo 1.22\n\nrequire example.com/dep v1.0.0\n",
		"main.go": "package main\n\nimport _ \"example.com/dep\"\n\nfunc main() {}\n",
	})
	if r := run(t, dir, env, "go", "mod", "tidy", "-e"); r.code != 0 {
		t.Fatalf("go mod tidy: %s", r.stderr)
	}
	cached := strings.TrimSpace(run(t, dir, env, "go", "list", "-f", "{{.Dir}}", "example.com/dep").stdout)
	if cached == "" {
		t.Fatal("example.com/dep is not in the module cache")
	}
	before := snapshot(t, cached, ".")
	r := run(t, dir, env, binary, "-fix", "example.com/dep")
	if r.code != 3 {
		t.Errorf("exit code %d, want 3 (the finding is reported)\n%s", r.code, r.stderr)
	}
	want := "otellint: -fix: not changing package example.com/dep: its module example.com/dep@v1.0.0 is a dependency, not a main module; only the files of the main module and of the go.work modules are changed, its findings are reported unfixed\n"
	if r.stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", r.stderr, want)
	}
	if !strings.Contains(r.stdout, `dep.go:10:13: spanend: span "leak" is not ended`) {
		t.Errorf("the finding is not reported:\n%s", r.stdout)
	}
	sameFiles(t, "module cache", before, snapshot(t, cached, "."))
	if v := run(t, dir, env, "go", "mod", "verify"); v.code != 0 {
		t.Errorf("go mod verify: %s", v.stderr)
	}
}

// TestFixReplacedDependency: a dependency replaced by a directory is no
// main module either; a go.work module is.
func TestFixReplacedDependency(t *testing.T) {
	env := moduleCacheEnv(t)
	dir := t.TempDir()
	otelReq := "\nrequire go.opentelemetry.io/otel v1.47.0\n"
	writeFiles(t, dir, map[string]string{
		"main/go.mod":  "module example.com/main\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n" + otelReq,
		"main/main.go": "package main\n\nimport _ \"example.com/lib\"\n\nfunc main() {}\n",
		"lib/go.mod":   "module example.com/lib\n\ngo 1.22\n" + otelReq,
		"lib/lib.go":   strings.Replace(leakSource, "%s", "lib", 1),
	})
	for _, m := range []string{"lib", "main"} {
		if r := run(t, filepath.Join(dir, m), env, "go", "mod", "tidy", "-e"); r.code != 0 {
			t.Fatalf("go mod tidy in %s: %s", m, r.stderr)
		}
	}
	before := snapshot(t, dir, "lib")
	r := run(t, filepath.Join(dir, "main"), env, binary, "-fix", "example.com/lib")
	if r.code != 3 || !strings.Contains(r.stderr, "not changing package example.com/lib: its module example.com/lib@v0.0.0 => ../lib is a dependency, not a main module") {
		t.Errorf("replaced dependency: exit code %d, want 3 and a refusal\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, `spanend: span "leak" is not ended`) {
		t.Errorf("the finding is not reported:\n%s", r.stdout)
	}
	sameFiles(t, "replaced dependency", before, snapshot(t, dir, "lib"))

	// In a workspace that uses both modules, lib is a main module.
	if w := run(t, dir, env, "go", "work", "init", "./main", "./lib"); w.code != 0 {
		t.Fatalf("go work init: %s", w.stderr)
	}
	wenv := append(slices.Clone(env), "GOWORK="+filepath.Join(dir, "go.work")) // the last one counts
	r = run(t, filepath.Join(dir, "main"), wenv, binary, "-fix", "example.com/lib")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("workspace module: exit code %d, want 0\n%s%s", r.code, r.stdout, r.stderr)
	}
	if fixed, _ := os.ReadFile(filepath.Join(dir, "lib", "lib.go")); !strings.Contains(string(fixed), "defer span.End()") {
		t.Errorf("the workspace module was not fixed:\n%s", fixed)
	}
}

// TestFixImportsPackageOutsideGraph: a fix may import a package that no
// loaded package depends on but the module provides (otelgrpc's filters
// package, for healthfilter's gRPC fix): it is read from export data to
// type-check the fixed file, and the fix is applied.
func TestFixImportsPackageOutsideGraph(t *testing.T) {
	dir := fixModule(t)
	src := filepath.Join(testdataModule(t), "healthfilter", "grpcfix")
	if err := os.CopyFS(filepath.Join(dir, "e2e", "grpcfix"), os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "e2e", "grpcfix", "grpcfix.go")
	if data, _ := os.ReadFile(file); bytes.Contains(data, []byte("otelgrpc/filters")) {
		t.Fatal("the package imports the filters package already: the test checks nothing")
	}
	r := run(t, dir, nil, binary, "-fix", "./e2e/grpcfix")
	if r.code != 0 {
		t.Fatalf("otellint -fix: exit %d, want 0 (every finding fixed)\n%s%s", r.code, r.stdout, r.stderr)
	}
	fixed, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile(filepath.Join(src, "grpcfix.go.golden"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fixed, golden) {
		t.Errorf("fixed file differs from the rule's golden:\n%s", fixed)
	}
	if r := run(t, dir, nil, "go", "build", "./e2e/grpcfix"); r.code != 0 {
		t.Errorf("fixed code does not build:\n%s", r.stderr)
	}
}
