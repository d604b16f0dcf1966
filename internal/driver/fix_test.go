package driver

import (
	"bytes"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// testfix reports every call fix("new", ...) with, for each argument, a
// finding whose fix replaces the call by the argument's text: fix("1")
// is fixed to 1, fix("undefined") to code that does not compile,
// fix("1", "2") to two fixes that conflict. Unlike the rules, whose
// fixes may get better, it keeps making broken fixes on demand.
var testfix = &analysis.Analyzer{
	Name: "testfix",
	Doc:  "testfix: report calls to fix and suggest their argument",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "fix" {
					return true
				}
				for _, arg := range call.Args {
					lit, ok := arg.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						continue
					}
					text, _ := strconv.Unquote(lit.Value)
					pass.Report(analysis.Diagnostic{
						Pos:     arg.Pos(),
						Message: "fix wants " + text,
						SuggestedFixes: []analysis.SuggestedFix{{
							Message:   "Replace with " + text,
							TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(text)}},
						}},
					})
				}
				return true
			})
		}
		return nil, nil
	},
}

// writeModule writes a module example.com/m with the given files.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.22\n"
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type fixResult struct {
	stdout, stderr string
	code           int
}

// runTestfix runs -fix (or -fix -diff) with the testfix analyzer on the
// module in dir, as Run does with the rules.
func runTestfix(t *testing.T, dir string, diff bool, fs fileSystem) fixResult {
	t.Helper()
	res, err := load(dir, []string{"./..."}, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{testfix}, res.roots, nil)
	if err != nil {
		t.Fatal(err)
	}
	findings, errs := collect(graph)
	errs = append(relErrors(dir, res.errors), errs...)
	if len(errs) > 0 {
		t.Fatalf("the module does not load: %v", errs)
	}
	var stdout, stderr bytes.Buffer
	fx := &fixRun{stdout: &stdout, stderr: &stderr, cwd: dir, res: res, fs: fs}
	code := fx.run(findings, false, diff)
	return fixResult{stdout.String(), stderr.String(), code}
}

const fixFunc = "package p\n\nfunc fix(...string) int { return 0 }\n"

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestFixDropsBrokenFixes: a fix whose code does not parse or type-check
// (an undefined name, an unused variable) is dropped with a warning that
// names its rule and position; the others are applied.
func TestFixDropsBrokenFixes(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"p/fix.go": fixFunc,
		"p/p.go": `package p

func A() int { return fix("1") }

func B() int { return fix("undefined") }

func C() int { return fix("(") }

func D() {
	fix("y := 1")
}

func E() int { return fix("2") }
`,
	})
	r := runTestfix(t, dir, false, osFS{})
	if r.code != ExitFindings {
		t.Errorf("exit code %d, want %d (the findings of the dropped fixes remain)\n%s", r.code, ExitFindings, r.stderr)
	}
	for _, want := range []string{
		`otellint: p/p.go:5:27: testfix: fix "Replace with undefined" not applied: the fixed code would not compile: p/p.go:5:23 (after the fix): undefined: undefined`,
		`otellint: p/p.go:7:27: testfix: fix "Replace with (" not applied: the fixed code would not compile: p/p.go:7:`,
		`otellint: p/p.go:10:6: testfix: fix "Replace with y := 1" not applied: the fixed code would not compile: p/p.go:10:2 (after the fix): declared and not used: y`,
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks\n%s\ngot:\n%s", want, r.stderr)
		}
	}
	wantOut := "p/p.go:5:27: testfix: fix wants undefined\np/p.go:7:27: testfix: fix wants (\np/p.go:10:6: testfix: fix wants y := 1\n"
	if r.stdout != wantOut {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, wantOut)
	}
	got := readFile(t, filepath.Join(dir, "p/p.go"))
	for _, want := range []string{"func A() int { return 1 }", "func E() int { return 2 }", `return fix("undefined")`, `fix("y := 1")`} {
		if !strings.Contains(got, want) {
			t.Errorf("fixed file lacks %q:\n%s", want, got)
		}
	}
}

// TestFixConflicts: overlapping fixes change no file (not even another
// one), are named by their findings, and every finding is reported.
func TestFixConflicts(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"p/fix.go": fixFunc,
		"p/p.go":   "package p\n\nfunc A() int { return fix(\"1\", \"2\") }\n",
		"q/q.go":   "package q\n\nfunc fix(...string) int { return 0 }\n\nfunc B() int { return fix(\"3\") }\n",
	})
	before := map[string]string{}
	for _, name := range []string{"p/p.go", "q/q.go"} {
		before[name] = readFile(t, filepath.Join(dir, name))
	}
	for _, diff := range []bool{false, true} {
		r := runTestfix(t, dir, diff, osFS{})
		if r.code != ExitError {
			t.Errorf("diff=%v: exit code %d, want %d", diff, r.code, ExitError)
		}
		wantErr := "otellint: -fix: conflicting fixes:\n" +
			"\tp/p.go:3:27: testfix: fix wants 1\n" +
			"\tp/p.go:3:32: testfix: fix wants 2\n" +
			"otellint: -fix: no file was changed (apply these fixes one at a time, or by hand)\n"
		if r.stderr != wantErr {
			t.Errorf("diff=%v: stderr:\n%s\nwant:\n%s", diff, r.stderr, wantErr)
		}
		wantOut := "p/p.go:3:27: testfix: fix wants 1\np/p.go:3:32: testfix: fix wants 2\nq/q.go:5:27: testfix: fix wants 3\n"
		if r.stdout != wantOut {
			t.Errorf("diff=%v: stdout:\n%s\nwant:\n%s", diff, r.stdout, wantOut)
		}
		for name, content := range before {
			if got := readFile(t, filepath.Join(dir, name)); got != content {
				t.Errorf("diff=%v: %s changed:\n%s", diff, name, got)
			}
		}
	}
}

// TestFixKeepsLineEndings: a CRLF file with a byte order mark keeps both,
// in the file and in the diff.
func TestFixKeepsLineEndings(t *testing.T) {
	src := "\ufeffpackage p\r\n\r\nfunc fix(...string) int { return 0 }\r\n\r\nfunc A() int {\r\n\treturn fix(\"1\")\r\n}\r\n"
	dir := writeModule(t, map[string]string{"p/p.go": src})
	r := runTestfix(t, dir, true, osFS{})
	wantDiff := "--- a/p/p.go\n+++ b/p/p.go\n@@ -3,5 +3,5 @@\n func fix(...string) int { return 0 }\r\n \r\n func A() int {\r\n-\treturn fix(\"1\")\r\n+\treturn 1\r\n }\r\n"
	if r.stdout != wantDiff {
		t.Errorf("diff:\n%q\nwant:\n%q", r.stdout, wantDiff)
	}
	if r.code != ExitFindings {
		t.Errorf("-diff: exit code %d, want %d: the finding remains", r.code, ExitFindings)
	}
	if got := readFile(t, filepath.Join(dir, "p/p.go")); got != src {
		t.Errorf("-diff changed the file:\n%q", got)
	}
	r = runTestfix(t, dir, false, osFS{})
	if r.code != ExitClean || r.stdout != "" || r.stderr != "" {
		t.Errorf("-fix: exit code %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	want := strings.Replace(src, `fix("1")`, "1", 1)
	if got := readFile(t, filepath.Join(dir, "p/p.go")); got != want {
		t.Errorf("-fix wrote\n%q\nwant\n%q", got, want)
	}
}

// failFS fails as a full disk would: writes to files whose name starts
// with full fail halfway, with ENOSPC; renames of files whose name starts
// with stuck fail.
type failFS struct {
	osFS
	full, stuck string
}

type fullFile struct {
	*os.File
}

func (f fullFile) Write(p []byte) (int, error) {
	n, _ := f.File.Write(p[:len(p)/2])
	return n, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
}

func (fs failFS) CreateTemp(dir, pattern string) (tempFile, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err == nil && fs.full != "" && strings.HasPrefix(pattern, "."+fs.full) {
		return fullFile{f}, nil
	}
	return f, err
}

func (fs failFS) Rename(oldpath, newpath string) error {
	if fs.stuck != "" && strings.HasPrefix(filepath.Base(newpath), fs.stuck) {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: syscall.EXDEV}
	}
	return os.Rename(oldpath, newpath)
}

// tempFiles lists the temporary files left in dir.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".otellint-") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestWriteFilesAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.go"), filepath.Join(dir, "sub", "b.go")
	os.MkdirAll(filepath.Dir(b), 0o755)
	os.WriteFile(a, []byte("old a"), 0o644)
	os.WriteFile(b, []byte("old b"), 0o644)
	content := map[string][]byte{a: []byte("new a"), b: []byte("new b")}

	// A full disk on the second file: the first is not replaced either.
	err := writeFiles(failFS{full: "b.go"}, []string{a, b}, content)
	if err == nil || !strings.Contains(err.Error(), "cannot write "+b) || !strings.Contains(err.Error(), "no space left") || !strings.Contains(err.Error(), "no file was changed") {
		t.Errorf("full disk: error %v", err)
	}
	for path, want := range map[string]string{a: "old a", b: "old b"} {
		if got := readFile(t, path); got != want {
			t.Errorf("full disk: %s holds %q, want %q", path, got, want)
		}
	}
	if left := append(tempFiles(t, dir), tempFiles(t, filepath.Dir(b))...); len(left) > 0 {
		t.Errorf("full disk: temporary files left: %v", left)
	}

	// A read-only file: nothing is written.
	os.Chmod(b, 0o444)
	err = writeFiles(osFS{}, []string{a, b}, content)
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("read-only file: error %v", err)
	}
	if got := readFile(t, a); got != "old a" {
		t.Errorf("read-only file: %s holds %q", a, got)
	}
	os.Chmod(b, 0o644)

	// A rename that fails: the error says what was and was not changed.
	err = writeFiles(failFS{stuck: "b.go"}, []string{a, b}, content)
	if err == nil || !strings.Contains(err.Error(), "cannot replace "+b) || !strings.Contains(err.Error(), "already fixed: "+a) {
		t.Errorf("failed rename: error %v", err)
	}
	if got := readFile(t, b); got != "old b" {
		t.Errorf("failed rename: %s holds %q", b, got)
	}
	if left := append(tempFiles(t, dir), tempFiles(t, filepath.Dir(b))...); len(left) > 0 {
		t.Errorf("failed rename: temporary files left: %v", left)
	}
}

func TestWriteFilesKeepsModeAndLinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real", "t.go")
	os.MkdirAll(filepath.Dir(target), 0o755)
	os.WriteFile(target, []byte("old"), 0o640)
	link := filepath.Join(dir, "link.go")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := writeFiles(osFS{}, []string{link}, map[string][]byte{link: []byte("new")}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file: %v", err)
	}
	fi, err := os.Stat(target)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
	if got := readFile(t, target); got != "new" {
		t.Errorf("target holds %q", got)
	}
	if left := tempFiles(t, filepath.Dir(target)); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestFixFullDisk: through the driver, a write that fails leaves every
// file as it was and reports every finding.
func TestFixFullDisk(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"p/fix.go": fixFunc,
		"p/a.go":   "package p\n\nfunc A() int { return fix(\"1\") }\n",
		"p/b.go":   "package p\n\nfunc B() int { return fix(\"2\") }\n",
	})
	r := runTestfix(t, dir, false, failFS{full: "b.go"})
	if r.code != ExitError {
		t.Errorf("exit code %d, want %d", r.code, ExitError)
	}
	if want := "otellint: -fix: cannot write p/b.go: write "; !strings.HasPrefix(r.stderr, want) || !strings.Contains(r.stderr, "no space left on device; no file was changed") {
		t.Errorf("stderr: %s", r.stderr)
	}
	if want := "p/a.go:3:27: testfix: fix wants 1\np/b.go:3:27: testfix: fix wants 2\n"; r.stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, want)
	}
	for _, name := range []string{"p/a.go", "p/b.go"} {
		if strings.Contains(readFile(t, filepath.Join(dir, name)), "return 1") {
			t.Errorf("%s was changed", name)
		}
	}
	if left := tempFiles(t, filepath.Join(dir, "p")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
