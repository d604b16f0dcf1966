package main_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// vetEnv gives the go vet runs of these tests a build cache of their own,
// shared between them (go vet caches results; a run with findings is not
// cached) and removed with the binary.
var vetEnv = sync.OnceValue(func() []string {
	dir := filepath.Join(filepath.Dir(binary), "gocache")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		panic(err)
	}
	return []string{"GOCACHE=" + dir}
})

// TestCgo: a file that imports "C" is analysed, standalone and under go
// vet (cmd/cgo's rewrite of it, which the analyzers see, carries a "Code
// generated" header), and its finding points at the original file.
func TestCgo(t *testing.T) {
	const want = `spanend/cgo/cgo.go:19:13: spanend: span "twice" is not ended on all paths`
	r := run(t, testdataModule(t), nil, binary, "./spanend/cgo")
	if r.code != 3 || !strings.Contains(r.stdout, want) || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("standalone: exit code %d, want 3 and one finding: %s\nstdout:\n%s\nstderr:\n%s", r.code, want, r.stdout, r.stderr)
	}
	env := vetEnv()
	r = run(t, testdataModule(t), env, "go", "vet", "-vettool="+binary, "./spanend/cgo")
	if r.code != 1 || !strings.Contains(r.stderr, strings.Replace(want, "spanend: ", "", 1)) {
		t.Errorf("go vet: exit code %d, want 1 and the finding %s\n%s", r.code, want, r.stderr)
	}
}

// TestDirectives: each malformed //otellint:ignore is reported once, by
// otellint itself and not by each rule that runs, standalone and under go
// vet; and a misspelt rule name is reported although no rule of that name
// runs.
func TestDirectives(t *testing.T) {
	wants := []string{
		`directives.go:23:2: otellint: otellint:ignore directive names unknown rule "spanedn"`,
		`directives.go:29:2: otellint: otellint:ignore directive names unknown rule "nosuch"`,
		`directives.go:35:2: otellint: otellint:ignore directive names no rule`,
		`directives.go:41:2: otellint: otellint:ignore directive separates its rules with a space: it applies to spanctx only, not to spanend`,
		`directives.go:47:2: otellint: otellint:ignore directive has no reason`,
	}
	r := run(t, testdataModule(t), nil, binary, "./suppress/directives")
	if r.code != 3 {
		t.Errorf("exit code %d, want 3\n%s", r.code, r.stderr)
	}
	for _, w := range wants {
		if n := strings.Count(r.stdout, w); n != 1 {
			t.Errorf("standalone: %d lines with %q, want 1:\n%s", n, w, r.stdout)
		}
	}
	if n := strings.Count(r.stdout, "otellint:ignore directive"); n != 9 {
		t.Errorf("standalone: %d directive findings, want 9 (7 malformed, 2 suppressing nothing):\n%s", n, r.stdout)
	}
	// A directive that suppresses nothing is still its rule's to report.
	if !strings.Contains(r.stdout, "directives.go:41:2: spanctx: otellint:ignore directive suppresses no spanctx finding") {
		t.Errorf("standalone: the unused spanctx directive is not reported by spanctx:\n%s", r.stdout)
	}
	env := vetEnv()
	r = run(t, testdataModule(t), env, "go", "vet", "-vettool="+binary, "./suppress/directives")
	if r.code != 1 {
		t.Errorf("go vet: exit code %d, want 1\n%s", r.code, r.stderr)
	}
	for _, w := range wants {
		w = strings.Replace(w, "otellint: ", "", 1)
		if n := strings.Count(r.stderr, w); n != 1 {
			t.Errorf("go vet: %d lines with %q, want 1:\n%s", n, w, r.stderr)
		}
	}
}

// TestOptionValidation: option values are checked when parsed, and names
// in the rules' options against the loaded packages; a bad -memprofile
// path fails before the work, as a bad -cpuprofile does.
func TestOptionValidation(t *testing.T) {
	dir := testdataModule(t)
	for _, c := range []struct {
		args []string
		want string // on standard error
	}{
		{[]string{"-spanend.start=not-a-func"}, `"not-a-func" is not a full name`},
		{[]string{"-spanend.start=example.com/testdata/e2e/tel.Start,,example.com/testdata/e2e/tel.End"}, `empty name in`},
		{[]string{"-blockinghandler.depth=-5"}, `want a number of calls, 1 or more, got "-5"`},
		{[]string{"-blockinghandler.depth=two"}, `want a number of calls, 1 or more, got "two"`},
		{[]string{"-spanend.start=example.com/testdata/e2e/tel.Strat"},
			`otellint: -spanend.start=example.com/testdata/e2e/tel.Strat matches nothing: package example.com/testdata/e2e/tel has no function or variable Strat`},
		{[]string{"-spanerror.expected=(net/http.Client).Do"},
			`otellint: -spanerror.expected=(net/http.Client).Do matches nothing: the method is spelt (*net/http.Client).Do`},
		{[]string{"-memprofile=" + filepath.Join(t.TempDir(), "no", "such", "dir", "mem.out")}, `mem.out: no such file or directory`},
	} {
		r := run(t, dir, nil, binary, append(c.args, "./e2e/shop")...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) || r.stdout != "" {
			t.Errorf("otellint %v: exit code %d, want 2 with %q and no findings\nstdout:\n%s\nstderr:\n%s", c.args, r.code, c.want, r.stdout, r.stderr)
		}
	}
	// A name in a package that is not loaded cannot matter: accepted.
	r := run(t, dir, nil, binary, "-spanend.start=example.com/elsewhere.Start", "./e2e/shop")
	if r.code != 3 {
		t.Errorf("a name in a package that is not loaded: exit code %d, want 3 (findings)\n%s", r.code, r.stderr)
	}
	// Under go vet, the tool rejects a bad value before it analyses.
	env := vetEnv()
	r = run(t, dir, env, "go", "vet", "-vettool="+binary, "-blockinghandler.depth=-5", "./e2e/tel")
	if r.code == 0 || !strings.Contains(r.stderr, `want a number of calls, 1 or more, got "-5"`) {
		t.Errorf("go vet -blockinghandler.depth=-5: exit code %d, want a failure naming the value\n%s", r.code, r.stderr)
	}
}

// TestBrokenDependency: a package whose dependency does not type-check gets
// one line naming the dependency and its error (not one "failed
// prerequisites" line per rule), once for the package and its test
// variant; in JSON, one error under "otellint", not one per rule.
func TestBrokenDependency(t *testing.T) {
	dir := copyModule(t)
	pkg := filepath.Join(dir, "e2e", "usesbroken")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]string{
		"u.go":      "package usesbroken\n\nimport \"example.com/testdata/e2e/broken\"\n\nvar N = broken.Broken()\n",
		"u_test.go": "package usesbroken\n\nimport \"testing\"\n\nfunc TestN(t *testing.T) { _ = N }\n",
	} {
		if err := os.WriteFile(filepath.Join(pkg, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const want = `otellint: example.com/testdata/e2e/usesbroken: not analysed: its dependency example.com/testdata/e2e/broken does not load or type-check: e2e/broken/broken.go:6:9: cannot use "not an int"`
	r := run(t, dir, nil, binary, "./e2e/usesbroken")
	if r.code != 1 {
		t.Errorf("exit code %d, want 1", r.code)
	}
	if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], want) {
		t.Errorf("stderr is not the one line %s...:\n%s", want, r.stderr)
	}
	// With the broken package among the roots, its own error is printed
	// once, and the line about its importer does not repeat it.
	r = run(t, dir, nil, binary, "./e2e/usesbroken", "./e2e/broken")
	if n := strings.Count(r.stderr, "cannot use"); n != 1 || !strings.Contains(r.stderr, "its dependency example.com/testdata/e2e/broken does not load or type-check\n") {
		t.Errorf("want the type error once and the importer's line without it:\n%s", r.stderr)
	}
	r = run(t, dir, nil, binary, "-json", "./e2e/usesbroken")
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, r.stdout)
	}
	m := tree["example.com/testdata/e2e/usesbroken"]
	var e struct{ Error string }
	if len(tree) != 1 || len(m) != 1 || json.Unmarshal(m["otellint"], &e) != nil || !strings.HasPrefix(e.Error, want) {
		t.Errorf("want one error, under otellint, for the package:\n%s", r.stdout)
	}
}

// TestGoErrors: when the go command cannot list what it was given (outside
// a module, an import no module provides, with a package or a file
// pattern), its own message is printed, not "no packages matched", a
// type checker's "could not import ... (invalid package name)" or a "-:"
// prefix.
func TestGoErrors(t *testing.T) {
	env := []string{"GOWORK=off", "GOPROXY=off"}
	write := func(dir, name, src string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const prog = "package main\n\nimport \"go.opentelemetry.io/otel\"\n\nfunc main() { _ = otel.Tracer(\"x\") }\n"
	outside := t.TempDir()
	write(outside, "x.go", prog)
	inModule := t.TempDir()
	write(inModule, "go.mod", "module example.com/m\n\ngo 1.26\n")
	write(inModule, "x.go", prog)
	for _, c := range []struct {
		dir  string
		args []string
		want string
	}{
		{outside, nil, "otellint: go: go.mod file not found in current directory or any parent directory"},
		{outside, []string{"./..."}, "otellint: pattern ./...: directory prefix . does not contain main module"},
		{outside, []string{"."}, "otellint: go: go.mod file not found in current directory or any parent directory"},
		{outside, []string{"x.go"}, "x.go:3:8: no required module provides package go.opentelemetry.io/otel: go.mod file not found"},
		{inModule, []string{"./..."}, "x.go:3:8: no required module provides package go.opentelemetry.io/otel"},
		{inModule, []string{"x.go"}, "x.go:3:8: no required module provides package go.opentelemetry.io/otel"},
	} {
		r := run(t, c.dir, env, binary, c.args...)
		if r.code != 1 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("otellint %v: exit code %d, want 1 and %q\n%s", c.args, r.code, c.want, r.stderr)
		}
		for _, bad := range []string{"no packages matched", "could not import", "invalid package name", "-: "} {
			if strings.Contains(r.stderr, bad) {
				t.Errorf("otellint %v: stderr has %q:\n%s", c.args, bad, r.stderr)
			}
		}
	}
}

// TestSignalEndsGoList: otellint killed by SIGINT or SIGTERM while go list
// runs ends go list too (it would otherwise keep running, and building,
// after otellint is gone). A stand-in go command on PATH records its
// process id and sleeps where go list would list the packages.
func TestSignalEndsGoList(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("POSIX signals")
	}
	realGo, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			bin := t.TempDir()
			pidFile := filepath.Join(bin, "golist.pid")
			script := "#!/bin/sh\n" +
				"for a in \"$@\"; do\n" +
				"  if [ \"$a\" = -export=true ]; then echo $$ > " + pidFile + ".tmp; mv " + pidFile + ".tmp " + pidFile + "; exec sleep 300; fi\n" +
				"done\n" +
				"exec " + realGo + " \"$@\"\n"
			if err := os.WriteFile(filepath.Join(bin, "go"), []byte(script), 0o755); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(binary, "./e2e/shop")
			cmd.Dir = testdataModule(t)
			cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			var pid int
			for pid == 0 { // until go list runs (the test's deadline bounds this)
				if data, err := os.ReadFile(pidFile); err == nil {
					pid, _ = strconv.Atoi(strings.TrimSpace(string(data)))
				}
				time.Sleep(10 * time.Millisecond)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || !strings.Contains(stderr.String(), "otellint: interrupted") {
				t.Errorf("otellint: %v, want exit code 1 and \"interrupted\"\n%s", err, stderr.String())
			}
			// otellint waited for go list to end: it is gone (or a
			// zombie that init has not reaped yet) now.
			if alive(pid) {
				syscall.Kill(pid, syscall.SIGKILL)
				t.Errorf("go list (pid %d) still runs after otellint ended", pid)
			}
		})
	}
}

// alive reports whether the process pid runs (a zombie does not).
func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true // no /proc: it exists
	}
	_, rest, _ := strings.Cut(string(stat), ") ")
	return !strings.HasPrefix(rest, "Z")
}

// TestBaselineFile: -baseline - is refused (otellint rewrites the baseline,
// so it cannot be standard input); errors name the baseline file, not the
// temporary file it is written through; a baseline that is a symbolic link
// is updated in the file it points to, and stays a link.
func TestBaselineFile(t *testing.T) {
	dir, tmp := testdataModule(t), t.TempDir()
	// Refused before any package is loaded (in a scratch directory, in
	// case it is not and "-" is written).
	r := run(t, tmp, nil, binary, "-baseline", "-", "./e2e/shop")
	if r.code != 2 || !strings.Contains(r.stderr, "otellint: -baseline -: the baseline is a file") || r.stdout != "" {
		t.Errorf("-baseline -: exit code %d, want 2 and a refusal\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, c := range []struct {
		path string
		args []string
		want string
	}{
		{filepath.Join(tmp, "no", "such", "dir", "base.json"), nil, ": no such file or directory"},
		// A non-empty directory cannot be replaced by the new file.
		{filepath.Join(tmp, "dir"), []string{"-baseline-update"}, ": "},
	} {
		if strings.HasSuffix(c.path, "dir") {
			if err := os.MkdirAll(filepath.Join(c.path, "sub"), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		r := run(t, dir, nil, binary, append(append([]string{"-baseline", c.path}, c.args...), "./e2e/shop")...)
		want := "otellint: writing baseline " + c.path + c.want
		if r.code != 1 || !strings.Contains(r.stderr, want) || strings.Contains(r.stderr, ".tmp") {
			t.Errorf("-baseline %s %v: exit code %d, want 1 and %q without the temporary file\n%s", c.path, c.args, r.code, want, r.stderr)
		}
	}

	link, target := filepath.Join(tmp, "link.json"), filepath.Join(tmp, "target.json")
	if err := os.Symlink("target.json", link); err != nil {
		t.Fatal(err)
	}
	check := func(what string, findings int) {
		t.Helper()
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("%s: the baseline link was replaced (%v)", what, err)
		}
		var bf struct{ Findings []json.RawMessage }
		data, err := os.ReadFile(target)
		if err != nil || json.Unmarshal(data, &bf) != nil || len(bf.Findings) != findings {
			t.Errorf("%s: the link's target holds %d findings (%v), want %d", what, len(bf.Findings), err, findings)
		}
	}
	if r := run(t, dir, nil, binary, "-baseline", link, "-spanerror=false", "./e2e/shop"); r.code != 0 {
		t.Fatalf("writing the baseline through a link: exit code %d\n%s", r.code, r.stderr)
	}
	check("written", 6)
	if r := run(t, dir, nil, binary, "-baseline", link, "-baseline-update", "./e2e/shop"); r.code != 0 {
		t.Fatalf("updating the baseline through a link: exit code %d\n%s", r.code, r.stderr)
	}
	check("updated", 7) // six without spanerror, and its one finding in e2e/shop
}
