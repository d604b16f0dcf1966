package gclplugin_test

// The end-to-end test builds golangci-lint v2.15.0 with this checkout's
// plugin, through `golangci-lint custom` and the .custom-gcl.yml shipped at
// the repository root, runs it on modules of known findings and checks
// that it reports what the standalone driver reports, that //nolint:otellint
// and //otellint:ignore suppress, and that settings switch rules and set
// options.
//
// It needs the Go module proxy, never GitHub: golangci-lint custom
// git-clones golangci-lint from GitHub, so the test serves that clone from
// a local git repository made of the module proxy's copy of
// golangci-lint/v2@v2.15.0 and points git at it with an
// url.<mirror>.insteadOf setting passed in GIT_CONFIG_COUNT/KEY/VALUE (the
// only git configuration golangci-lint custom lets through; the user's
// configuration is untouched).
//
// The stock golangci-lint and the custom binary are cached under
// os.UserCacheDir()/otellint-gcl-e2e, the custom one keyed by a hash of
// what goes into it (go.mod, go.sum, .custom-gcl.yml, the non-test sources
// under analyzers/ and gclplugin/, the Go version), so reruns take seconds
// and need no network. A cold build (fresh machine: empty module and build
// caches) took 5m35s on two shared cores, a rebuild after a change to the
// rules 30s, a run from the cache 35s (docs/golangci.md). `go test -short` skips this test,
// and nothing else does.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	gclModule  = "github.com/golangci/golangci-lint/v2"
	gclVersion = "v2.15.0"
	gclRepo    = "https://github.com/golangci/golangci-lint.git" // what golangci-lint custom clones
)

// repoRoot is the root of this checkout.
func repoRoot(t *testing.T) string {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// command runs name with args in dir, with env added to the environment,
// and fails the test with its output when it fails. ctx bounds it.
func command(ctx context.Context, t *testing.T, dir string, env []string, name string, args ...string) []byte {
	t.Helper()
	out, err := commandErr(ctx, dir, env, name, args...)
	if err != nil {
		t.Fatalf("%s %s (in %s): %v\n%s", name, strings.Join(args, " "), dir, err, out)
	}
	return out
}

func commandErr(ctx context.Context, dir string, env []string, name string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.WaitDelay = 10 * time.Second
	return cmd.CombinedOutput()
}

// testContext is bounded a minute before the test's deadline, so that a
// hung build fails with its output instead of the test binary panicking.
func testContext(t *testing.T) context.Context {
	ctx := t.Context()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d.Add(-time.Minute))
		t.Cleanup(cancel)
	}
	return ctx
}

// sourceKey hashes what goes into the custom binary. The test checks that
// the plugin imports no package of this module outside analyzers/,
// gclplugin/ and internal/driver/config/, which the key covers.
func sourceKey(t *testing.T, root string) string {
	h := sha256.New()
	fmt.Fprintln(h, gclModule, gclVersion, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	files := []string{"go.mod", "go.sum", ".custom-gcl.yml"}
	for _, dir := range []string{"analyzers", "gclplugin", "internal/driver/config"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if !d.IsDir() && !strings.HasSuffix(d.Name(), "_test.go") {
				rel, _ := filepath.Rel(root, path)
				files = append(files, rel)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(files)
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s %x\n", filepath.ToSlash(f), sha256.Sum256(data))
	}
	return hex.EncodeToString(h.Sum(nil))[:20]
}

// checkKeyCoversDeps fails if the plugin depends on a package of this
// module that the cache key does not hash.
func checkKeyCoversDeps(ctx context.Context, t *testing.T, root string) {
	out := command(ctx, t, root, nil, "go", "list", "-deps", "-f", "{{if .Module}}{{if .Module.Main}}{{.Dir}}{{end}}{{end}}", "./gclplugin")
	for _, dir := range strings.Fields(string(out)) {
		rel, _ := filepath.Rel(root, dir)
		rel = filepath.ToSlash(rel)
		if !strings.HasPrefix(rel, "analyzers/") && rel != "analyzers" && rel != "gclplugin" && rel != "internal/driver/config" {
			t.Fatalf("the plugin imports %s, which the e2e cache key does not hash: add it to sourceKey", rel)
		}
	}
}

var (
	buildOnce sync.Once
	customBin string
	buildErr  error
)

// customGCL returns the custom golangci-lint binary, building it on a
// cache miss.
func customGCL(t *testing.T) string {
	buildOnce.Do(func() { customBin, buildErr = buildCustomGCL(t) })
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return customBin
}

func buildCustomGCL(t *testing.T) (bin string, err error) {
	ctx := testContext(t)
	root := repoRoot(t)
	checkKeyCoversDeps(ctx, t, root)
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	cache := filepath.Join(base, "otellint-gcl-e2e")
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return "", err
	}
	key := sourceKey(t, root)
	bin = filepath.Join(cache, "custom-gcl-"+key, "custom-gcl")
	if _, err := os.Stat(bin); err == nil {
		t.Logf("custom golangci-lint from the cache: %s", bin)
		now := time.Now()
		os.Chtimes(filepath.Dir(bin), now, now) // recently used: not pruned
		return bin, nil
	}

	tmp, err := os.MkdirTemp(cache, "tmp-") // in the cache: renames stay on one file system
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	start := time.Now()
	stock := stockGCL(ctx, t, cache, tmp)
	t.Logf("stock golangci-lint %s ready in %s", gclVersion, time.Since(start).Round(time.Second))

	mirrorStart := time.Now()
	mirror := gclMirror(ctx, t, tmp)
	t.Logf("git mirror of golangci-lint %s from the module proxy in %s", gclVersion, time.Since(mirrorStart).Round(time.Second))

	// golangci-lint custom, in the repository root, with the shipped
	// .custom-gcl.yml (its plugin path "." is this checkout).
	customStart := time.Now()
	out := filepath.Join(tmp, "out")
	env := gitRewrite("file://"+filepath.ToSlash(mirror), gclRepo)
	command(ctx, t, root, env, stock, "custom", "-v", "--destination", out, "--name", "custom-gcl")
	t.Logf("golangci-lint custom built the plugin in %s (all steps on this cache miss: %s)",
		time.Since(customStart).Round(time.Second), time.Since(start).Round(time.Second))

	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		return "", err
	}
	if err := os.Rename(filepath.Join(out, "custom-gcl"), bin); err != nil {
		return "", err
	}
	pruneCache(t, cache, filepath.Dir(bin))
	return bin, nil
}

// gitRewrite returns the environment that makes git fetch from instead of
// from url, added to any configuration already passed in GIT_CONFIG_*.
func gitRewrite(instead, url string) []string {
	n, _ := strconv.Atoi(os.Getenv("GIT_CONFIG_COUNT"))
	return []string{
		"GIT_CONFIG_COUNT=" + strconv.Itoa(n+1),
		fmt.Sprintf("GIT_CONFIG_KEY_%d=url.%s.insteadOf", n, instead),
		fmt.Sprintf("GIT_CONFIG_VALUE_%d=%s", n, url),
	}
}

// stockGCL returns golangci-lint itself, installed from the module proxy
// into the cache on first use.
func stockGCL(ctx context.Context, t *testing.T, cache, tmp string) string {
	exe := "golangci-lint"
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	bin := filepath.Join(cache, fmt.Sprintf("golangci-lint-%s-%s-%s-%s", gclVersion, runtime.Version(), runtime.GOOS, runtime.GOARCH), exe)
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	gobin := filepath.Join(tmp, "gobin")
	command(ctx, t, tmp, []string{"GOBIN=" + gobin}, "go", "install", gclModule+"/cmd/golangci-lint@"+gclVersion)
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(gobin, exe), bin); err != nil {
		t.Fatal(err)
	}
	return bin
}

// gclMirror makes a git repository of golangci-lint at gclVersion from the
// module proxy's copy, tagged as golangci-lint custom clones it.
func gclMirror(ctx context.Context, t *testing.T, tmp string) string {
	out := command(ctx, t, tmp, nil, "go", "mod", "download", "-json", gclModule+"@"+gclVersion)
	var mod struct{ Dir, Error string }
	if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download %s@%s: %v %s\n%s", gclModule, gclVersion, err, mod.Error, out)
	}
	mirror := filepath.Join(tmp, "golangci-lint.git")
	if err := os.CopyFS(mirror, os.DirFS(mod.Dir)); err != nil {
		t.Fatal(err)
	}
	// Only this repository's own settings: no user or system config,
	// hooks or signing.
	env := []string{"GIT_CONFIG_GLOBAL=" + os.DevNull, "GIT_CONFIG_NOSYSTEM=1"}
	git := func(args ...string) {
		command(ctx, t, mirror, env, "git", append([]string{
			"-c", "user.name=otellint e2e", "-c", "user.email=e2e@otellint.invalid",
			"-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", "-c", "init.defaultBranch=main",
		}, args...)...)
	}
	git("init", "-q")
	git("add", "-A", "-f")
	git("commit", "-q", "-m", "golangci-lint "+gclVersion+" from the Go module proxy")
	git("tag", gclVersion)
	return mirror
}

// pruneCache removes custom binaries of other sources not used for two
// weeks.
func pruneCache(t *testing.T, cache, keep string) {
	entries, _ := os.ReadDir(cache)
	for _, e := range entries {
		dir := filepath.Join(cache, e.Name())
		if !strings.HasPrefix(e.Name(), "custom-gcl-") || dir == keep {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > 14*24*time.Hour {
			t.Logf("pruning %s", dir)
			os.RemoveAll(dir)
		}
	}
}

// e2eModule copies the rules' testdata module (it vendors the OTel API)
// and adds gclplugin/testdata/gclsuppress to it as e2e/gclsuppress.
func e2eModule(t *testing.T) string {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(testdata)); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "e2e", "gclsuppress"), os.DirFS(filepath.Join("testdata", "gclsuppress"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// standalone builds the otellint command of this checkout.
func standalone(ctx context.Context, t *testing.T) string {
	bin := filepath.Join(t.TempDir(), "otellint")
	command(ctx, t, repoRoot(t), nil, "go", "build", "-o", bin, "./cmd/otellint")
	return bin
}

// golangciConfig is a .golangci.yml that runs otellint alone, keeps every
// finding, and passes settings (YAML, indented under settings:).
func golangciConfig(settings string) string {
	return `version: "2"
linters:
  default: none
  enable: [otellint]
  settings:
    custom:
      otellint:
        type: module
        description: OpenTelemetry tracing checks
        settings:
` + settings + `
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
`
}

type gclResult struct {
	lines  []string // otellint's issues, "file:line:col: text", sorted
	others int      // issues of other linters
	code   int
	output string
}

// runGCL runs the custom golangci-lint in dir with the configuration
// config, on patterns.
func runGCL(ctx context.Context, t *testing.T, bin, dir, config string, patterns ...string) gclResult {
	t.Helper()
	cfg := filepath.Join(dir, ".golangci.yml")
	if err := os.WriteFile(cfg, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(t.TempDir(), "report.json")
	args := append([]string{"run", "-c", cfg, "--output.json.path", report}, patterns...)
	out, err := commandErr(ctx, dir, []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()}, bin, args...)
	r := gclResult{output: string(out)}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		return r // no report: the run failed, r.output says why
	}
	var res struct {
		Issues []struct {
			FromLinter, Text string
			Pos              struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("bad JSON report: %v\n%s", err, data)
	}
	for _, is := range res.Issues {
		if is.FromLinter != "otellint" {
			r.others++
			continue
		}
		name := is.Pos.Filename
		if filepath.IsAbs(name) {
			name, _ = filepath.Rel(dir, name)
		}
		r.lines = append(r.lines, fmt.Sprintf("%s:%d:%d: %s", filepath.ToSlash(name), is.Pos.Line, is.Pos.Column, is.Text))
	}
	slices.Sort(r.lines)
	return r
}

// runStandalone runs otellint in dir and returns its findings, sorted.
func runStandalone(ctx context.Context, t *testing.T, bin, dir string, args ...string) []string {
	t.Helper()
	out, err := commandErr(ctx, dir, nil, bin, args...)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 3 {
		t.Fatalf("otellint %v: %v, want exit status 3 (findings)\n%s", args, err, out)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		lines = append(lines, filepath.ToSlash(l))
	}
	slices.Sort(lines)
	return lines
}

// comparable reduces findings to what every driver prints alike:
// position and message, without the rule name that golangci-lint and the
// standalone driver put first and without the related positions that go
// vet prints on lines of their own.
func comparable(lines []string) []string {
	var out []string
	for _, l := range lines {
		pos, msg, ok := strings.Cut(l, ": ")
		if !ok {
			continue
		}
		if rule, rest, ok := strings.Cut(msg, ": "); ok && slices.Contains(rules(), rule) {
			msg = rest
		}
		if loc := relatedSuffix.FindStringIndex(msg); loc != nil {
			msg = msg[:loc[0]]
		}
		out = append(out, pos+": "+msg)
	}
	slices.Sort(out)
	return out
}

var relatedSuffix = regexp.MustCompile(` \[([^ \]]+:)?\d+:\d+: .*$`)

func without(lines []string, drop func(string) bool) []string {
	return slices.DeleteFunc(slices.Clone(lines), drop)
}

func diffLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s: golangci-lint and the standalone driver differ\n--- golangci-lint\n%s\n--- standalone\n%s",
			what, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the golangci-lint build (minutes when cold)")
	}
	ctx := testContext(t)
	bin := customGCL(t)
	otellint := standalone(ctx, t)
	dir := e2eModule(t)
	patterns := []string{"./e2e/shop", "./e2e/gclsuppress"}
	nolinted := func(l string) bool { return strings.Contains(l, `span "nolinted"`) }

	t.Run("findings", func(t *testing.T) {
		r := runGCL(ctx, t, bin, dir, golangciConfig("          rules: {}"), patterns...)
		if r.code != 1 || r.others != 0 {
			t.Fatalf("exit status %d, %d issues of other linters, want 1 (issues) and otellint's alone\n%s", r.code, r.others, r.output)
		}
		want := runStandalone(ctx, t, otellint, dir, patterns...)
		// golangci-lint's own //nolint:otellint drops "nolinted", which
		// the standalone driver reports; //otellint:ignore drops
		// "ignored" in both.
		if !slices.ContainsFunc(want, nolinted) {
			t.Errorf("the standalone driver does not report the nolinted span:\n%s", strings.Join(want, "\n"))
		}
		diffLines(t, "every rule", r.lines, without(want, nolinted))
		for _, l := range append(r.lines, want...) {
			if strings.Contains(l, `span "ignored"`) || strings.Contains(l, "otellint:ignore directive") {
				t.Errorf("//otellint:ignore did not suppress: %s", l)
			}
		}
		// Each issue starts with its rule's name, once.
		for _, l := range r.lines {
			_, text, _ := strings.Cut(l, ": ")
			rule, rest, _ := strings.Cut(text, ": ")
			if !slices.Contains(rules(), rule) || strings.HasPrefix(rest, rule+":") {
				t.Errorf("issue text does not start with one rule name: %s", l)
			}
		}
		if len(r.lines) != 8 {
			t.Errorf("%d issues, want 8 (7 in shop, 1 in gclsuppress)", len(r.lines))
		}
	})

	t.Run("rule switched off", func(t *testing.T) {
		r := runGCL(ctx, t, bin, dir, golangciConfig("          rules:\n            spanerror: false"), patterns...)
		if r.code != 1 {
			t.Fatalf("exit status %d, want 1 (issues)\n%s", r.code, r.output)
		}
		want := runStandalone(ctx, t, otellint, dir, append([]string{"-spanerror=false"}, patterns...)...)
		diffLines(t, "spanerror off", r.lines, without(want, nolinted))
		for _, l := range r.lines {
			if strings.Contains(l, "spanerror:") {
				t.Errorf("spanerror is off but reported: %s", l)
			}
		}
		if len(r.lines) == 0 {
			t.Error("no spanend findings")
		}
	})

	t.Run("options", func(t *testing.T) {
		const pkg = "example.com/testdata/spans/options."
		settings := fmt.Sprintf(`          spanend:
            start: [%sOpen]
            end: %sClose
          spanerror:
            recorders:
              - %sReport
            expected: %sErrMissing
            record: true
            status: false`, pkg, pkg, pkg, pkg)
		r := runGCL(ctx, t, bin, dir, golangciConfig(settings), "./spans/options")
		if r.code != 1 {
			t.Fatalf("exit status %d, want 1 (issues)\n%s", r.code, r.output)
		}
		want := runStandalone(ctx, t, otellint, dir,
			"-spanend.start="+pkg+"Open", "-spanend.end="+pkg+"Close",
			"-spanerror.recorders="+pkg+"Report", "-spanerror.expected="+pkg+"ErrMissing",
			"-spanerror.record=true", "-spanerror.status=false", "./spans/options")
		diffLines(t, "options", r.lines, want)
		if len(r.lines) != 2 || !strings.Contains(r.lines[0], `span "opened"`) || !strings.Contains(r.lines[1], `span "status"`) {
			t.Errorf("want the findings on the spans \"opened\" and \"status\" alone:\n%s", strings.Join(r.lines, "\n"))
		}
	})

	t.Run("bad settings", func(t *testing.T) {
		r := runGCL(ctx, t, bin, dir, golangciConfig("          spanend:\n            starts: [x.Start]"), "./e2e/shop")
		if r.code == 0 || r.code == 1 || !strings.Contains(r.output, `otellint settings: spanend: unknown option "starts" (spanend options: end, generated, start)`) {
			t.Errorf("exit status %d, want a configuration error naming the option\n%s", r.code, r.output)
		}
	})

	// Option values are checked as the standalone flags check them.
	t.Run("bad option values", func(t *testing.T) {
		for _, c := range []struct{ settings, want string }{
			{"          blockinghandler:\n            depth: -3", `otellint settings: blockinghandler.depth: want a number of calls, 1 or more, got "-3"`},
			{"          blockinghandler:\n            depth: \"2\"", `otellint settings: blockinghandler.depth: want a whole number, got a string ("2")`},
			{"          spanend:\n            start: [not-a-func]", `otellint settings: spanend.start: "not-a-func" is not a full name`},
		} {
			r := runGCL(ctx, t, bin, dir, golangciConfig(c.settings), "./e2e/shop")
			if r.code == 0 || r.code == 1 || !strings.Contains(r.output, c.want) {
				t.Errorf("%s: exit status %d, want a configuration error %q\n%s", c.settings, r.code, c.want, r.output)
			}
		}
	})

	// Each malformed //otellint:ignore is reported once, with no rule
	// name before it, as the standalone driver reports it under otellint.
	t.Run("directives", func(t *testing.T) {
		r := runGCL(ctx, t, bin, dir, golangciConfig("          rules: {}"), "./suppress/directives")
		if r.code != 1 {
			t.Fatalf("exit status %d, want 1 (issues)\n%s", r.code, r.output)
		}
		want := runStandalone(ctx, t, otellint, dir, "./suppress/directives")
		for i, l := range want {
			want[i] = strings.Replace(l, ": otellint: otellint:ignore", ": otellint:ignore", 1)
		}
		slices.Sort(want)
		diffLines(t, "directives", r.lines, want)
		n := 0
		for _, l := range r.lines {
			if strings.Contains(l, ": otellint:ignore directive") && !strings.Contains(l, "directive suppresses no ") {
				n++
			}
		}
		if n != 7 {
			t.Errorf("%d malformed directives reported, want 7 (each once):\n%s", n, strings.Join(r.lines, "\n"))
		}
	})

	// The example in the docs is a valid configuration, and keeps every
	// otellint finding next to golangci-lint's standard linters.
	t.Run("docs example", func(t *testing.T) {
		example, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "golangci", ".golangci.yml"))
		if err != nil {
			t.Fatal(err)
		}
		r := runGCL(ctx, t, bin, dir, string(example), patterns...)
		if r.code != 1 {
			t.Fatalf("exit status %d, want 1 (issues)\n%s", r.code, r.output)
		}
		if want := runStandalone(ctx, t, otellint, dir, patterns...); len(r.lines) != len(without(want, nolinted)) {
			t.Errorf("%d otellint issues, want %d\n%s", len(r.lines), len(without(want, nolinted)), strings.Join(r.lines, "\n"))
		}
	})

	// golangci-lint --fix applies the rules' suggested fixes.
	t.Run("fix", func(t *testing.T) {
		fixDir := e2eModule(t)
		runGCL(ctx, t, bin, fixDir, golangciConfig("          rules: {}"), "--fix", "./e2e/shop")
		fixed, err := os.ReadFile(filepath.Join(fixDir, "e2e", "shop", "shop.go"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(fixed), "ctx, span := tel.Start(ctx, \"audit\")\n\tdefer span.End()\n") {
			t.Errorf("golangci-lint --fix did not apply spanend's fix:\n%s", fixed)
		}
		if out, err := commandErr(ctx, fixDir, nil, "go", "build", "./e2e/shop"); err != nil {
			t.Errorf("fixed code does not build: %v\n%s", err, out)
		}
	})

	// One settings file, every driver: .otellint.yml for the standalone
	// driver and go vet, the same YAML as the plugin's settings.
	t.Run("one settings file", func(t *testing.T) {
		const settings = `rules:
  spanerror: false
spanend:
  generated: all
exclusions:
  paths:
    - 'shop/http\.go$'
`
		file := filepath.Join(dir, ".otellint.yml")
		if err := os.WriteFile(file, []byte(settings), 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(file) // the other subtests run without it
		var indented strings.Builder
		for _, l := range strings.Split(strings.TrimSuffix(settings, "\n"), "\n") {
			indented.WriteString("          " + l + "\n")
		}
		r := runGCL(ctx, t, bin, dir, golangciConfig(strings.TrimSuffix(indented.String(), "\n")), "./e2e/shop")
		if r.code != 1 {
			t.Fatalf("exit status %d, want 1 (issues)\n%s", r.code, r.output)
		}
		gcl := comparable(r.lines)
		standaloneLines := comparable(runStandalone(ctx, t, otellint, dir, "./e2e/shop"))
		vetOut, _ := commandErr(ctx, dir, []string{"GOCACHE=" + t.TempDir()}, "go", "vet", "-vettool="+otellint, "./e2e/shop")
		var vetLines []string
		for _, l := range strings.Split(string(vetOut), "\n") {
			// Related positions are indented lines of their own.
			if strings.HasPrefix(l, "e2e/") && !strings.Contains(l, ": \t") {
				vetLines = append(vetLines, l)
			}
		}
		vet := comparable(vetLines)
		diffLines(t, "settings file", gcl, standaloneLines)
		if !slices.Equal(vet, standaloneLines) {
			t.Errorf("go vet and the standalone driver differ\n--- go vet\n%s\n--- standalone\n%s", strings.Join(vet, "\n"), strings.Join(standaloneLines, "\n"))
		}
		if len(standaloneLines) == 0 {
			t.Fatal("no findings left: the test checks nothing")
		}
		for _, l := range standaloneLines {
			if strings.Contains(l, "http.go") || strings.Contains(l, "error returned") {
				t.Errorf("excluded file or switched-off rule reported: %s", l)
			}
		}
	})

	t.Run("clean", func(t *testing.T) {
		r := runGCL(ctx, t, bin, dir, golangciConfig("          rules: {}"), "./e2e/tel")
		if r.code != 0 || len(r.lines) != 0 {
			t.Errorf("exit status %d, issues %q, want none\n%s", r.code, r.lines, r.output)
		}
	})
}

// TestShippedConfigs: the golangci-lint configurations in the repository
// name the version and plugin the e2e test builds.
func TestShippedConfigs(t *testing.T) {
	root := repoRoot(t)
	for _, c := range []struct {
		file string
		want []string
	}{
		{".custom-gcl.yml", []string{"version: " + gclVersion, "module: github.com/otellint/otellint", "import: github.com/otellint/otellint/gclplugin", "path: ."}},
		{"docs/golangci/.custom-gcl.yml", []string{"version: " + gclVersion, "module: github.com/otellint/otellint", "import: github.com/otellint/otellint/gclplugin", "version: v"}},
		{"docs/golangci/.golangci.yml", []string{`version: "2"`, "- otellint", "type: module", "max-issues-per-linter: 0", "max-same-issues: 0", "uniq-by-line: false"}},
	} {
		data, err := os.ReadFile(filepath.Join(root, c.file))
		if err != nil {
			t.Error(err)
			continue
		}
		for _, w := range c.want {
			if !bytes.Contains(data, []byte(w)) {
				t.Errorf("%s lacks %q", c.file, w)
			}
		}
	}
}
