package main_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const reviewdogCmd = "github.com/reviewdog/reviewdog/cmd/reviewdog"

// reviewdogBinary returns reviewdog at version, built from the Go module
// proxy's copy of its module with the dependencies its go.sum pins, once
// per version and machine: the binary is kept in
// os.UserCacheDir()/otellint-ci-test/reviewdog-<version>.
//
// Not `go install reviewdog@version`: that checks every dependency with
// the checksum database instead of the module's go.sum, and the database
// cannot be reached everywhere the module proxy can (on the CI machine, a
// lookup of one of reviewdog's dependencies fails). The go.sum that
// reviewdog publishes pins the same hashes.
func reviewdogBinary(t *testing.T, version string) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(cache, "otellint-ci-test", "reviewdog-"+version)
	bin := filepath.Join(dir, "reviewdog")
	if _, err := os.Stat(bin); err == nil {
		if r := run(t, ".", nil, bin, "-version"); r.code == 0 && strings.TrimSpace(r.stdout) == version {
			return bin
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	env := []string{"GOFLAGS=-mod=readonly", "GOWORK=off"}
	module := strings.TrimSuffix(reviewdogCmd, "/cmd/reviewdog")
	r := run(t, t.TempDir(), env, "go", "mod", "download", "-json", module+"@"+version)
	var dl struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(r.stdout), &dl); err != nil || r.code != 0 || dl.Error != "" {
		t.Fatalf("go mod download %s@%s: exit %d %v %s\n%s", module, version, r.code, err, dl.Error, r.stderr)
	}
	// A writable copy: the module cache is read-only, and go build may
	// want to write there.
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS(dl.Dir)); err != nil {
		t.Fatal(err)
	}
	tmp := fmt.Sprintf("%s.tmp%d", bin, os.Getpid())
	r = run(t, src, env, "go", "build", "-trimpath", "-o", tmp,
		"-ldflags=-X "+module+"/commands.Version="+version, "./cmd/reviewdog")
	if r.code != 0 {
		t.Fatalf("building reviewdog %s: exit %d\n%s", version, r.code, r.stderr)
	}
	if err := os.Rename(tmp, bin); err != nil {
		t.Fatal(err)
	}
	return bin
}

// gitRepo makes dir a git repository with everything in it committed. Git
// runs without the user's and the system's configuration.
func gitRepo(t *testing.T, dir string) []string {
	t.Helper()
	env := []string{"GIT_CONFIG_GLOBAL=" + os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=test", "GIT_COMMITTER_EMAIL=test@example.com"}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "-A"},
		{"commit", "-q", "-m", "base"},
	} {
		if r := run(t, dir, env, "git", args...); r.code != 0 {
			t.Fatalf("git %v: %s", args, r.stderr)
		}
	}
	return env
}

// TestReviewdog: the review step of docs/ci/github-reviewdog.yml, run with
// reviewdog's local reporter in place of the pull request review
// (-reporter=github-pr-review becomes -reporter=local -diff="git diff
// HEAD", what a developer runs before pushing), reports the findings on
// the lines a change adds and nothing else, fails on them, and fails when
// a package does not type-check although no finding is on an added line.
// It builds the reviewdog that the workflow installs.
func TestReviewdog(t *testing.T) {
	if testing.Short() {
		t.Skip("builds reviewdog from the module proxy")
	}
	wf, job := readWorkflow(t, "docs/ci/github-reviewdog.yml")
	if _, ok := wf.On["pull_request"]; !ok {
		t.Errorf("the workflow does not run on pull requests: on %v", wf.On)
	}
	checkSetup(t, job)
	if job.Permissions["pull-requests"] != "write" {
		t.Errorf("job permissions %v: the review comments need pull-requests: write", job.Permissions)
	}
	var versions map[string]string
	var review workflowStep
	for _, s := range job.Steps {
		switch {
		case isInstallStep(s):
			versions = installs(t, s)
		case strings.Contains(s.Run, "| reviewdog "):
			review = s
		}
	}
	if versions[otellintCmd] == "" || versions[reviewdogCmd] == "" {
		t.Fatalf("the workflow installs %v, want otellint and reviewdog at releases", versions)
	}
	if review.Env["REVIEWDOG_GITHUB_API_TOKEN"] == "" {
		t.Errorf("%s: no REVIEWDOG_GITHUB_API_TOKEN for the review comments", review)
	}
	const reporter = "-reporter=github-pr-review"
	if strings.Count(review.Run, reporter) != 1 {
		t.Fatalf("%s: want one %s in\n%s", review, reporter, review.Run)
	}
	local := review
	local.Run = strings.Replace(review.Run, reporter, `-reporter=local -diff="git diff HEAD"`, 1)

	// otellint and reviewdog, first on PATH.
	bin := t.TempDir()
	for name, target := range map[string]string{"otellint": binary, "reviewdog": reviewdogBinary(t, versions[reviewdogCmd])} {
		if err := os.Symlink(target, filepath.Join(bin, name)); err != nil {
			t.Fatal(err)
		}
	}
	dir := e2eModule(t, "shop", "tel", "warehouse")
	gitEnv := gitRepo(t, dir)
	shop := filepath.Join(dir, "e2e", "shop", "shop.go")
	base, err := os.ReadFile(shop)
	if err != nil {
		t.Fatal(err)
	}
	baseLines := strings.Count(string(base), "\n")

	// The base has findings, on lines the change does not touch: an added
	// line without a finding reports nothing.
	appendFile(t, shop, "\n// Noop adds lines without a finding.\nfunc Noop() {}\n")
	if r := runScript(t, local, dir, bin, gitEnv); r.code != 0 || strings.TrimSpace(r.output) != "" {
		t.Errorf("a change without a new finding: exit %d, want 0 and no report\n%s", r.code, r.output)
	}

	// A new finding on an added line, identical to an old one but for its
	// position: it alone is reported, as otellint prints it, and fails the
	// step.
	appendFile(t, shop, audit2)
	r := runScript(t, local, dir, bin, gitEnv)
	direct := run(t, dir, nil, binary, "./...")
	var added []string
	for _, line := range strings.Split(strings.TrimSpace(direct.stdout), "\n") {
		if pos, ok := strings.CutPrefix(line, "e2e/shop/shop.go:"); ok {
			if n, err := strconv.Atoi(pos[:strings.Index(pos, ":")]); err == nil && n > baseLines {
				added = append(added, line)
			}
		}
	}
	if len(added) != 1 {
		t.Fatalf("otellint reports %d findings on the added lines, want the one of Audit2:\n%s", len(added), direct.stdout)
	}
	var reported []string
	for _, line := range strings.Split(r.output, "\n") {
		if strings.HasPrefix(line, "e2e/") {
			reported = append(reported, line)
		}
	}
	if r.code != 1 || len(reported) != 1 || reported[0] != added[0] {
		t.Errorf("a change adding a finding: exit %d, want 1 and exactly\n%s\ngot:\n%s", r.code, added[0], r.output)
	}

	// A package that does not type-check, with no finding on an added line:
	// reviewdog reports nothing, otellint's exit code fails the step.
	if err := os.CopyFS(filepath.Join(dir, "e2e", "broken"), os.DirFS(filepath.Join(testdataModule(t), "e2e", "broken"))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(shop, base, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runScript(t, local, dir, bin, gitEnv); r.code != 1 || !strings.Contains(r.output, "cannot use") {
		t.Errorf("a package that does not type-check: exit %d, want 1 with the compiler's error in the log\n%s", r.code, r.output)
	}
}
