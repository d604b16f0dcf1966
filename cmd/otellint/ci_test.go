package main_test

// The CI recipes of docs/ci.md, tried. GitHub Actions cannot run here, so
// the workflow tests read the shipped workflow files and run the steps that
// matter the way the runner does: each `run:` script with bash (`shell:
// bash` is `bash --noprofile --norc -eo pipefail`), GITHUB_OUTPUT, each
// step's `if:` condition, and the upload's input file, on copies of the
// testdata module with the freshly built otellint first on PATH. The steps
// that only set up the machine (checkout, setup-go, `go install` of a
// release) are checked, not run: the test is the checkout, its Go is the
// one that runs the test, and the binary under test stands in for the
// release.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
)

// repoRoot is the root of this checkout.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// decodeStrict decodes the YAML file at path (relative to the repository
// root) into v, refusing keys that v does not declare: a misspelt input
// (sarif-file for sarif_file) fails the test instead of being ignored.
func decodeStrict(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), path))
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// A GitHub Actions workflow, the keys the recipes use.
type workflow struct {
	Name        string
	On          map[string]any `yaml:"on"`
	Permissions map[string]string
	Jobs        map[string]*workflowJob
}

type workflowJob struct {
	RunsOn      string `yaml:"runs-on"`
	Permissions map[string]string
	Steps       []workflowStep
}

type workflowStep struct {
	ID              string
	Name            string
	Uses            string
	With            map[string]any
	Run             string
	Shell           string
	If              string
	Env             map[string]string
	ContinueOnError bool `yaml:"continue-on-error"`
}

func (s workflowStep) String() string {
	for _, name := range []string{s.Name, s.ID, s.Uses} {
		if name != "" {
			return fmt.Sprintf("step %q", name)
		}
	}
	return "step " + strings.SplitN(s.Run, "\n", 2)[0]
}

// input returns a `with:` input as the runner passes it: a string.
func (s workflowStep) input(name string) string {
	v, ok := s.With[name]
	if !ok {
		return ""
	}
	return fmt.Sprint(v)
}

// readWorkflow decodes a workflow that has exactly one job, and returns it.
func readWorkflow(t *testing.T, path string) (*workflow, *workflowJob) {
	t.Helper()
	var wf workflow
	decodeStrict(t, path, &wf)
	if len(wf.Jobs) != 1 {
		t.Fatalf("%s: %d jobs, want one", path, len(wf.Jobs))
	}
	for _, job := range wf.Jobs {
		return &wf, job
	}
	panic("unreachable")
}

// stepUsing returns the one step that uses the action (owner/name, any
// version), and its index.
func stepUsing(t *testing.T, job *workflowJob, action string) (int, workflowStep) {
	t.Helper()
	found := -1
	for i, s := range job.Steps {
		if strings.HasPrefix(s.Uses, action+"@") {
			if found >= 0 {
				t.Fatalf("two steps use %s", action)
			}
			found = i
		}
	}
	if found < 0 {
		t.Fatalf("no step uses %s", action)
	}
	return found, job.Steps[found]
}

// checkSetup checks the steps that prepare the machine: the checkout
// first, then Go at the version of the module's go.mod.
func checkSetup(t *testing.T, job *workflowJob) {
	t.Helper()
	checkout, _ := stepUsing(t, job, "actions/checkout")
	setup, goStep := stepUsing(t, job, "actions/setup-go")
	if checkout != 0 || setup != 1 {
		t.Errorf("the job starts with actions/checkout then actions/setup-go; they are steps %d and %d", checkout, setup)
	}
	if got := goStep.input("go-version-file"); got != "go.mod" {
		t.Errorf("actions/setup-go: go-version-file %q, want go.mod", got)
	}
}

// pinnedInstall matches a `go install` of a command at a release version.
var pinnedInstall = regexp.MustCompile(`^go install (\S+)@(v\d+\.\d+\.\d+)$`)

// installs returns the commands the step installs with `go install
// path@version`, by import path, and fails the test if a line of the step
// is anything else or names no release (@latest, a branch).
func installs(t *testing.T, s workflowStep) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(s.Run), "\n") {
		m := pinnedInstall.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			t.Errorf("%s: %q is not a go install of a pinned release", s, line)
			continue
		}
		got[m[1]] = m[2]
	}
	return got
}

const otellintCmd = "github.com/otellint/otellint/cmd/otellint"

// isInstallStep reports whether the step only installs commands.
func isInstallStep(s workflowStep) bool {
	return s.Uses == "" && strings.HasPrefix(strings.TrimSpace(s.Run), "go install ")
}

// A step that ran (or not) in a simulated job.
type stepRun struct {
	ran     bool
	code    int
	output  string            // standard output and error, interleaved
	outputs map[string]string // what it wrote to GITHUB_OUTPUT
}

// runScript runs a step's run: script as the runner does for shell: bash,
// in dir, with bin first on PATH, the step's env (but values that are
// expressions, which need the runner) and extra, and GITHUB_OUTPUT.
func runScript(t *testing.T, s workflowStep, dir, bin string, extra []string) stepRun {
	t.Helper()
	if s.Shell != "bash" {
		t.Fatalf("%s: shell %q; the recipes set shell: bash, so that pipefail and the test's run are GitHub's", s, s.Shell)
	}
	tmp := t.TempDir()
	script := filepath.Join(tmp, "step.sh")
	if err := os.WriteFile(script, []byte(s.Run), 0o644); err != nil {
		t.Fatal(err)
	}
	outputFile := filepath.Join(tmp, "github_output")
	if err := os.WriteFile(outputFile, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{
		"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"),
		"GITHUB_OUTPUT=" + outputFile,
		"CI=true",
		"GITHUB_ACTIONS=true",
	}
	for k, v := range s.Env {
		if !strings.Contains(v, "${{") {
			env = append(env, k+"="+v)
		}
	}
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), env...), extra...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	code := 0
	var ee *exec.ExitError
	if err := cmd.Run(); errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	data, err := os.ReadFile(outputFile)
	if err != nil {
		t.Fatal(err)
	}
	return stepRun{ran: true, code: code, output: out.String(), outputs: parseGitHubOutput(t, string(data))}
}

// parseGitHubOutput reads the GITHUB_OUTPUT file format: name=value lines
// and name<<DELIMITER blocks.
func parseGitHubOutput(t *testing.T, data string) map[string]string {
	t.Helper()
	outputs := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if name, delim, ok := strings.Cut(line, "<<"); ok && !strings.Contains(name, "=") {
			var value []string
			for sc.Scan() && sc.Text() != delim {
				value = append(value, sc.Text())
			}
			outputs[name] = strings.Join(value, "\n")
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("GITHUB_OUTPUT line %q is neither name=value nor name<<DELIMITER", line)
		}
		outputs[name] = value
	}
	return outputs
}

// statusFunc matches the status check functions of an if: condition.
var statusFunc = regexp.MustCompile(`^!?(success|failure|always|cancelled)\(\)$`)

// stepCondition matches `steps.<id>.outputs.<name> == '<value>'` (or !=),
// and `steps.<id>.outcome` / `.conclusion` compared the same way.
var stepCondition = regexp.MustCompile(`^steps\.([\w-]+)\.(outputs\.([\w-]+)|outcome|conclusion)\s*(==|!=)\s*'([^']*)'$`)

// evalIf evaluates a step's if: condition as the runner does, for the
// forms the recipes use: terms joined by &&, each a status check function
// or a comparison of a previous step's output or outcome with a string.
// Without a status check function, success() is implied. Any other form
// fails the test, so that a recipe never relies on something this
// evaluator gets wrong.
func evalIf(t *testing.T, cond string, ids map[string]stepRun, failed bool) bool {
	t.Helper()
	cond = strings.TrimSpace(cond)
	if strings.HasPrefix(cond, "${{") && strings.HasSuffix(cond, "}}") {
		cond = strings.TrimSpace(cond[3 : len(cond)-2])
	}
	result, status := true, false
	if cond == "" {
		return !failed
	}
	for _, term := range strings.Split(cond, "&&") {
		term = strings.TrimSpace(term)
		if m := statusFunc.FindStringSubmatch(term); m != nil {
			status = true
			var v bool
			switch m[1] {
			case "success":
				v = !failed
			case "failure":
				v = failed
			case "always":
				v = true
			case "cancelled":
				v = false
			}
			if strings.HasPrefix(term, "!") {
				v = !v
			}
			result = result && v
			continue
		}
		m := stepCondition.FindStringSubmatch(term)
		if m == nil {
			t.Fatalf("if: %q: the test does not evaluate the term %q", cond, term)
		}
		prev, ok := ids[m[1]]
		if !ok {
			t.Fatalf("if: %q: no earlier step has id %q", cond, m[1])
		}
		var got string
		switch {
		case m[3] != "":
			got = prev.outputs[m[3]]
		case !prev.ran:
			got = "skipped"
		case prev.code == 0:
			got = "success"
		default:
			got = "failure"
		}
		result = result && ((got == m[5]) == (m[4] == "=="))
	}
	if !status {
		result = result && !failed
	}
	return result
}

// A simulated run of the SARIF job.
type sarifJobRun struct {
	steps    []stepRun
	uploaded string // the SARIF log the upload step read, if it ran
	failed   bool   // the job's conclusion
}

// runSARIFJob runs the job of the SARIF workflow in dir: the otellint step
// and the gate for real, the upload as a check of the file it would upload
// (it must exist and be a SARIF log that GitHub ingests).
func runSARIFJob(t *testing.T, job *workflowJob, dir, bin string) sarifJobRun {
	t.Helper()
	var jr sarifJobRun
	ids := map[string]stepRun{}
	for _, s := range job.Steps {
		var r stepRun
		if evalIf(t, s.If, ids, jr.failed) {
			r = stepRun{ran: true}
			switch {
			case strings.HasPrefix(s.Uses, "actions/checkout@"), strings.HasPrefix(s.Uses, "actions/setup-go@"):
				// The test's copy of the module, and the Go running the test.
			case isInstallStep(s):
				// The freshly built binary, first on PATH, stands in for the release.
			case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
				data, err := os.ReadFile(filepath.Join(dir, s.input("sarif_file")))
				if err != nil {
					t.Fatalf("%s: %v", s, err)
				}
				checkSARIF(t, string(data))
				jr.uploaded = string(data)
			case s.Uses == "" && s.Run != "":
				r = runScript(t, s, dir, bin, nil)
			default:
				t.Fatalf("%s: the test does not know how to run it", s)
			}
			if r.code != 0 && !s.ContinueOnError {
				jr.failed = true
			}
		}
		if s.ID != "" {
			ids[s.ID] = r
		}
		jr.steps = append(jr.steps, r)
	}
	return jr
}

// e2eModule makes a module from the testdata module with only the
// packages of e2e/ named (and the vendored OTel API), so that ./... in it
// means those packages. The test may edit it.
func e2eModule(t *testing.T, pkgs ...string) string {
	t.Helper()
	dst := t.TempDir()
	makeE2EModule(t, dst, pkgs)
	return dst
}

var sharedModules struct {
	sync.Mutex
	dirs map[string]string
}

// sharedE2EModule is e2eModule made once per test binary for the tests
// that do not edit it (they may write an output file), so that otellint's
// export data for it comes from the build cache after the first run.
func sharedE2EModule(t *testing.T, pkgs ...string) string {
	t.Helper()
	sharedModules.Lock()
	defer sharedModules.Unlock()
	key := strings.Join(pkgs, ",")
	if dir, ok := sharedModules.dirs[key]; ok {
		return dir
	}
	// Next to the binary, which TestMain removes at the end.
	dir := filepath.Join(filepath.Dir(binary), "modules", strings.Join(pkgs, "-"))
	makeE2EModule(t, dir, pkgs)
	if sharedModules.dirs == nil {
		sharedModules.dirs = map[string]string{}
	}
	sharedModules.dirs[key] = dir
	return dir
}

func makeE2EModule(t *testing.T, dst string, pkgs []string) {
	t.Helper()
	src := testdataModule(t)
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dirs := []string{"vendor", "deps"}
	for _, p := range pkgs {
		dirs = append(dirs, filepath.Join("e2e", p))
	}
	for _, d := range dirs {
		if err := os.CopyFS(filepath.Join(dst, d), os.DirFS(filepath.Join(src, d))); err != nil {
			t.Fatal(err)
		}
	}
}

// binDir returns the directory that holds the otellint under test (and no
// other command), to put first on PATH.
func binDir() string {
	return filepath.Dir(binary)
}

// shopFindings is the number of findings otellint reports on e2e/shop.
func shopFindings(t *testing.T) int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "shop.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(data), "\n")
}

// TestGitHubSARIFWorkflow: docs/ci/github-sarif.yml uploads otellint's
// SARIF log to code scanning whether or not there are findings, fails the
// job on findings after the upload, and fails it without uploading when a
// package does not load.
func TestGitHubSARIFWorkflow(t *testing.T) {
	wf, job := readWorkflow(t, "docs/ci/github-sarif.yml")
	if _, ok := wf.On["pull_request"]; !ok {
		t.Errorf("the workflow does not run on pull requests: on %v", wf.On)
	}
	if job.Permissions["security-events"] != "write" || job.Permissions["contents"] != "read" {
		t.Errorf("job permissions %v, want security-events: write and contents: read", job.Permissions)
	}
	for _, perms := range []map[string]string{wf.Permissions, job.Permissions} {
		for scope, level := range perms {
			if level == "write" && scope != "security-events" {
				t.Errorf("permission %s: write is more than the upload needs", scope)
			}
		}
	}
	checkSetup(t, job)
	install := -1
	for i, s := range job.Steps {
		if isInstallStep(s) {
			install = i
			if got := installs(t, s); len(got) != 1 || got[otellintCmd] == "" {
				t.Errorf("%s installs %v, want otellint alone at a release", s, got)
			}
		}
	}
	_, upload := stepUsing(t, job, "github/codeql-action/upload-sarif")
	if upload.input("category") != "otellint" {
		t.Errorf("upload-sarif: category %q, want otellint (code scanning keeps otellint's alerts apart from other tools')", upload.input("category"))
	}
	var lint workflowStep
	for _, s := range job.Steps {
		if strings.Contains(s.Run, "otellint -sarif") {
			lint = s
		}
	}
	if lint.Run == "" || install < 0 || slices.IndexFunc(job.Steps, func(s workflowStep) bool { return s.Run == lint.Run }) < install {
		t.Fatal("no step runs otellint -sarif after installing it")
	}
	// Statically, the file the step writes is the file the upload reads;
	// the runs below check it again by uploading it.
	if m := regexp.MustCompile(`otellint -sarif [^>\n]*>\s*(\S+)`).FindStringSubmatch(lint.Run); m == nil || m[1] != upload.input("sarif_file") {
		t.Errorf("the otellint step writes %v, the upload reads %q", m, upload.input("sarif_file"))
	}

	t.Run("findings", func(t *testing.T) {
		jr := runSARIFJob(t, job, sharedE2EModule(t, "shop", "tel", "warehouse"), binDir())
		if jr.uploaded == "" {
			t.Fatalf("the SARIF log was not uploaded; steps: %+v", jr.steps)
		}
		log := checkSARIF(t, jr.uploaded)
		if got, want := len(log.Runs[0].Results), shopFindings(t); got != want {
			t.Errorf("uploaded %d results, want the %d findings of e2e/shop", got, want)
		}
		if !jr.failed {
			t.Error("the job passed with findings")
		}
		last := jr.steps[len(jr.steps)-1]
		if !last.ran || last.code == 0 {
			t.Errorf("the last step (the gate) did not fail the job: %+v", last)
		}
	})
	t.Run("clean", func(t *testing.T) {
		jr := runSARIFJob(t, job, sharedE2EModule(t, "tel", "warehouse"), binDir())
		if jr.failed {
			t.Errorf("the job failed without findings: %+v", jr.steps)
		}
		if log := checkSARIF(t, jr.uploaded); len(log.Runs[0].Results) != 0 {
			t.Errorf("uploaded %d results, want none", len(log.Runs[0].Results))
		}
	})
	t.Run("load error", func(t *testing.T) {
		jr := runSARIFJob(t, job, sharedE2EModule(t, "shop", "tel", "warehouse", "broken"), binDir())
		if !jr.failed {
			t.Error("the job passed although a package does not type-check")
		}
		if jr.uploaded != "" {
			t.Error("a partial analysis was uploaded: code scanning would close the alerts of the package that did not load")
		}
		for i, s := range job.Steps {
			if s.Run == lint.Run && (jr.steps[i].code != 1 || !strings.Contains(jr.steps[i].output, "e2e/broken/broken.go:6:9: cannot use")) {
				t.Errorf("the otellint step: exit %d, want 1 with the compiler's error in the log:\n%s", jr.steps[i].code, jr.steps[i].output)
			}
		}
	})
}

// golangciLintActionInputs are the inputs of golangci-lint-action v9.
var golangciLintActionInputs = []string{
	"version", "version-file", "install-mode", "install-only", "working-directory",
	"github-token", "verify", "only-new-issues", "args", "skip-cache",
	"skip-save-cache", "cache-invalidation-interval", "problem-matchers", "debug", "experimental",
}

// customGCL is golangci-lint's .custom-gcl.yml.
type customGCL struct {
	Version     string
	Name        string
	Destination string
	Plugins     []struct {
		Module  string
		Import  string
		Version string
		Path    string
	}
}

// TestGitHubGolangciWorkflow: docs/ci/github-golangci.yml runs a pinned
// golangci-lint-action that builds the custom golangci-lint from the
// repository's .custom-gcl.yml with the golangci-lint version that file
// names. The action itself cannot run here; gclplugin's end-to-end test
// runs that build and the binary.
func TestGitHubGolangciWorkflow(t *testing.T) {
	wf, job := readWorkflow(t, "docs/ci/github-golangci.yml")
	if _, ok := wf.On["pull_request"]; !ok {
		t.Errorf("the workflow does not run on pull requests: on %v", wf.On)
	}
	checkSetup(t, job)
	_, lint := stepUsing(t, job, "golangci/golangci-lint-action")
	// v9 builds the binary of a .custom-gcl.yml it finds in the working
	// directory (golangci-lint custom); pin a full release.
	if m := regexp.MustCompile(`@v(\d+)\.\d+\.\d+$`).FindStringSubmatch(lint.Uses); m == nil || m[1] != "9" {
		t.Errorf("%s: want a pinned v9 release of golangci-lint-action", lint.Uses)
	}
	for name := range lint.With {
		if !slices.Contains(golangciLintActionInputs, name) {
			t.Errorf("golangci-lint-action has no input %q", name)
		}
	}
	if v := lint.input("install-mode"); v == "none" {
		t.Error("install-mode none: the action would need a golangci-lint already installed to build the custom one")
	}
	if lint.input("only-new-issues") == "true" && job.Permissions["pull-requests"] != "read" && wf.Permissions["pull-requests"] != "read" {
		t.Error("only-new-issues reads the pull request's diff: it needs pull-requests: read")
	}
	version := lint.input("version")
	if !regexp.MustCompile(`^v2\.\d+\.\d+$`).MatchString(version) {
		t.Fatalf("version %q: want a full golangci-lint v2 release, the one .custom-gcl.yml names", version)
	}
	workDir := lint.input("working-directory")

	// The repository's .custom-gcl.yml (builds from this checkout) and the
	// one users copy (builds from a release) must name the action's
	// version: the action warns and builds the file's version otherwise.
	checked := 0
	for _, path := range []string{filepath.Join(workDir, ".custom-gcl.yml"), "docs/golangci/.custom-gcl.yml"} {
		if _, err := os.Stat(filepath.Join(repoRoot(t), path)); err != nil {
			t.Logf("%s: absent on this branch (it comes with the golangci-lint plugin); not checked", path)
			continue
		}
		checked++
		var c customGCL
		decodeStrict(t, path, &c)
		if c.Version != version {
			t.Errorf("%s builds golangci-lint %s; the workflow installs %s", path, c.Version, version)
		}
		if len(c.Plugins) != 1 || c.Plugins[0].Module != "github.com/otellint/otellint" || c.Plugins[0].Import != "github.com/otellint/otellint/gclplugin" {
			t.Errorf("%s: plugins %+v, want the otellint module with import github.com/otellint/otellint/gclplugin", path, c.Plugins)
		}
	}
	// The configuration users copy next to it enables the plugin.
	if path := "docs/golangci/.golangci.yml"; fileExists(t, path) {
		var cfg struct {
			Linters struct {
				Enable   []string
				Settings struct {
					Custom map[string]struct{ Type string }
				}
			}
		}
		data, err := os.ReadFile(filepath.Join(repoRoot(t), path))
		if err != nil {
			t.Fatal(err)
		}
		if err := yaml.Unmarshal(data, &cfg); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !slices.Contains(cfg.Linters.Enable, "otellint") || cfg.Linters.Settings.Custom["otellint"].Type != "module" {
			t.Errorf("%s does not enable otellint as a module plugin", path)
		}
	}
	if checked == 0 {
		t.Skip(".custom-gcl.yml is not on this branch: the workflow's golangci-lint version was not compared with it")
	}
}

func fileExists(t *testing.T, path string) bool {
	_, err := os.Stat(filepath.Join(repoRoot(t), path))
	return err == nil
}

// preCommitHook is an entry of .pre-commit-hooks.yaml.
type preCommitHook struct {
	ID            string
	Name          string
	Description   string
	Language      string
	Entry         string
	Args          []string
	PassFilenames *bool `yaml:"pass_filenames"`
	Types         []string
}

// TestPreCommitHook: .pre-commit-hooks.yaml declares a golang hook whose
// entry is a command of this module (pre-commit runs `go install ./...` in
// its clone of the repository and puts that GOPATH's bin on PATH), run
// once on the whole module; its command line blocks a commit on findings
// and on load errors. pre-commit itself is not run here: it is not on the
// CI machine (docs/ci.md records a run by hand).
func TestPreCommitHook(t *testing.T) {
	var hooks []preCommitHook
	decodeStrict(t, ".pre-commit-hooks.yaml", &hooks)
	if len(hooks) != 1 {
		t.Fatalf("%d hooks, want one", len(hooks))
	}
	h := hooks[0]
	if h.ID != "otellint" || h.Language != "golang" || h.Entry != "otellint" || h.PassFilenames == nil || *h.PassFilenames ||
		!slices.Equal(h.Args, []string{"./..."}) || !slices.Equal(h.Types, []string{"go"}) || h.Name == "" {
		t.Errorf("hook %+v", h)
	}
	// The configuration users copy names this repository and the hook.
	var cfg struct {
		Repos []struct {
			Repo, Rev string
			Hooks     []struct{ ID string }
		}
	}
	decodeStrict(t, "docs/ci/pre-commit-config.yaml", &cfg)
	if len(cfg.Repos) != 1 || cfg.Repos[0].Repo != "https://github.com/otellint/otellint" ||
		!regexp.MustCompile(`^v\d+\.\d+\.\d+$`).MatchString(cfg.Repos[0].Rev) ||
		len(cfg.Repos[0].Hooks) != 1 || cfg.Repos[0].Hooks[0].ID != h.ID {
		t.Errorf("docs/ci/pre-commit-config.yaml: %+v, want this repository at a release, with the hook %q", cfg, h.ID)
	}

	// go install ./... installs each main package under the name of its
	// directory: one of them must be the entry.
	r := run(t, repoRoot(t), nil, "go", "list", "-f", "{{if eq .Name \"main\"}}{{.Dir}}{{end}}", "./...")
	var commands []string
	for _, dir := range strings.Fields(r.stdout) {
		commands = append(commands, filepath.Base(dir))
	}
	if !slices.Contains(commands, h.Entry) {
		t.Errorf("go install ./... installs %v, not the entry %q", commands, h.Entry)
	}

	// pre-commit runs the entry with the args, and fails the hook on any
	// exit code but 0.
	argv := append(strings.Fields(h.Entry), h.Args...)
	path := binDir() + string(os.PathListSeparator) + os.Getenv("PATH")
	entry := lookPath(t, argv[0], path)
	hook := func(dir string) result {
		return run(t, dir, []string{"PATH=" + path}, entry, argv[1:]...)
	}
	if r := hook(sharedE2EModule(t, "shop", "tel", "warehouse")); r.code != 3 || strings.Count(r.stdout, "\n") != shopFindings(t) {
		t.Errorf("on e2e/shop: exit %d, want 3 with every finding\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := hook(sharedE2EModule(t, "tel", "warehouse")); r.code != 0 {
		t.Errorf("on a clean module: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := hook(sharedE2EModule(t, "shop", "tel", "warehouse", "broken")); r.code != 1 {
		t.Errorf("on a package that does not type-check: exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// lookPath finds the executable name in the directories of path (a PATH
// value), as a shell would.
func lookPath(t *testing.T, name, path string) string {
	t.Helper()
	for _, dir := range filepath.SplitList(path) {
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0 {
			return p
		}
	}
	t.Fatalf("%s is not on PATH %s", name, path)
	return ""
}

// makeRule returns the recipe lines of the rule for target in a Makefile.
func makeRule(t *testing.T, path, target string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), path))
	if err != nil {
		t.Fatal(err)
	}
	var recipe []string
	in := false
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case line == target+":":
			if in || recipe != nil {
				t.Fatalf("%s: two rules for %s", path, target)
			}
			in = true
		case in && strings.HasPrefix(line, "\t"):
			recipe = append(recipe, line)
		default:
			in = false
		}
	}
	if recipe == nil {
		t.Fatalf("%s: no rule %q with a recipe", path, target+":")
	}
	return recipe
}

// pathWithout returns PATH without the directories that hold an otellint.
func pathWithout(name string) string {
	var dirs []string
	for _, d := range filepath.SplitList(os.Getenv("PATH")) {
		if _, err := os.Stat(filepath.Join(d, name)); err != nil {
			dirs = append(dirs, d)
		}
	}
	return strings.Join(dirs, string(os.PathListSeparator))
}

// TestVetOtellintMakefile: docs/ci/otellint.mk, the Makefile rule users
// copy, runs otellint under go vet -vettool and fails on findings, on a
// package that does not type-check, and when otellint is not on PATH (go
// vet -vettool= with an empty path runs the standard vet and passes); the
// repository's Makefile has the same rule, and its vet-otellint target
// passes on the repository.
func TestVetOtellintMakefile(t *testing.T) {
	const mk = "docs/ci/otellint.mk"
	if want, got := makeRule(t, mk, "vet-otellint"), makeRule(t, "Makefile", "vet-otellint"); !slices.Equal(got, want) {
		t.Errorf("the Makefile's vet-otellint rule differs from %s:\n%s\nwant:\n%s", mk, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	makefile := filepath.Join(repoRoot(t), mk)
	withOtellint := []string{"PATH=" + binDir() + string(os.PathListSeparator) + os.Getenv("PATH")}

	r := run(t, sharedE2EModule(t, "shop", "tel", "warehouse"), withOtellint, "make", "-f", makefile, "vet-otellint")
	if r.code == 0 || !strings.Contains(r.stderr, `e2e/shop/shop.go:22:13: span "charge" is not ended on all paths`) {
		t.Errorf("on e2e/shop: exit %d, want a failure with the findings\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, sharedE2EModule(t, "shop", "tel", "warehouse", "broken"), withOtellint, "make", "-f", makefile, "vet-otellint")
	if r.code == 0 || !strings.Contains(r.stderr, "cannot use") {
		t.Errorf("on a package that does not type-check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	clean := sharedE2EModule(t, "tel", "warehouse")
	if r := run(t, clean, withOtellint, "make", "-f", makefile, "vet-otellint"); r.code != 0 {
		t.Errorf("on a clean module: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, clean, []string{"PATH=" + pathWithout("otellint")}, "make", "-f", makefile, "vet-otellint")
	if r.code == 0 || !strings.Contains(r.stderr, "otellint is not on PATH") {
		t.Errorf("without otellint on PATH: exit %d, want a failure that says so\n%s%s", r.code, r.stdout, r.stderr)
	}

	if testing.Short() {
		return
	}
	// The repository's target installs otellint from this checkout (into a
	// temporary GOBIN here) and vets the repository with it.
	r = run(t, repoRoot(t), []string{"GOBIN=" + t.TempDir(), "PATH=" + pathWithout("otellint")}, "make", "vet-otellint")
	if r.code != 0 {
		t.Errorf("make vet-otellint on the repository: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// docIncludes matches the marker that docs/ci.md puts before a fenced
// block quoting a file: <!-- file: path -->.
var docIncludes = regexp.MustCompile("(?m)^<!-- file: (\\S+) -->\n```[a-z]*\n((?s:.*?))```\n")

// TestCIDocs: docs/ci.md quotes every recipe file whole, as it is (a
// fenced block after <!-- file: path -->), so that what users copy is what
// the tests run; and the README links it.
func TestCIDocs(t *testing.T) {
	root := repoRoot(t)
	doc, err := os.ReadFile(filepath.Join(root, "docs", "ci.md"))
	if err != nil {
		t.Fatal(err)
	}
	quoted := map[string]bool{}
	for _, m := range docIncludes.FindAllStringSubmatch(string(doc), -1) {
		path, block := m[1], m[2]
		quoted[path] = true
		data, err := os.ReadFile(filepath.Join(root, path))
		if err != nil {
			t.Errorf("docs/ci.md quotes %s: %v", path, err)
			continue
		}
		if block != string(data) {
			t.Errorf("docs/ci.md quotes %s, which differs from the file: copy the file into the block", path)
		}
	}
	if n := strings.Count(string(doc), "<!-- file: "); n != len(docIncludes.FindAllString(string(doc), -1)) {
		t.Errorf("docs/ci.md has %d file markers, but only %d are followed by a fenced block", n, len(docIncludes.FindAllString(string(doc), -1)))
	}
	recipes, err := filepath.Glob(filepath.Join(root, "docs", "ci", "*"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{".pre-commit-hooks.yaml"}
	for _, r := range recipes {
		want = append(want, filepath.ToSlash(strings.TrimPrefix(r, root+string(filepath.Separator))))
	}
	for _, path := range want {
		if !quoted[path] {
			t.Errorf("docs/ci.md does not quote %s", path)
		}
	}
	// Every recipe installs the same otellint release.
	release := regexp.MustCompile(`otellint/cmd/otellint@(v[\w.-]+)|otellint/otellint\n[\s#]+rev: (v[\w.-]+)`)
	pins := map[string][]string{}
	for _, path := range want {
		data, err := os.ReadFile(filepath.Join(root, path))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range release.FindAllStringSubmatch(string(data), -1) {
			v := m[1] + m[2]
			pins[v] = append(pins[v], path)
		}
	}
	if len(pins) != 1 {
		t.Errorf("the recipes pin different otellint releases: %v", pins)
	}

	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "(docs/ci.md)") {
		t.Error("README.md does not link docs/ci.md")
	}
}
