package main_test

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/otellint/otellint/analyzers"
	"github.com/otellint/otellint/internal/driver/sarifcheck"
)

// sarifLog is the part of the SARIF output the tests read.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name, Version string
				Rules         []struct {
					ID, Name, HelpURI string
					ShortDescription  struct{ Text string }
				}
			}
		}
		Invocations []struct {
			ExecutionSuccessful        bool
			ToolExecutionNotifications []struct {
				Message struct{ Text string }
			}
		}
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		Results            []sarifResult
	}
}

type sarifResult struct {
	RuleID    string
	RuleIndex int
	Message   struct{ Text string }
	Locations []struct {
		PhysicalLocation struct {
			ArtifactLocation struct{ URI, URIBaseID string } `json:"artifactLocation"`
			Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
		}
	}
	RelatedLocations    []struct{ ID int }
	PartialFingerprints map[string]string
	Fixes               []struct {
		Description     struct{ Text string }
		ArtifactChanges []struct {
			Replacements []struct {
				InsertedContent struct{ Text string }
			}
		}
	}
	BaselineState string
}

// checkSARIF validates the output against the SARIF schema and GitHub's
// ingestion rules, and decodes it.
func checkSARIF(t *testing.T, out string) sarifLog {
	t.Helper()
	if err := sarifcheck.ValidateSchema([]byte(out)); err != nil {
		t.Fatalf("SARIF schema: %v\n%s", err, out)
	}
	problems, err := sarifcheck.Check([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("GitHub ingestion rule %v", p)
	}
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return log
}

var (
	driverVersion = regexp.MustCompile(`("name": "otellint",\n\s*"version": )"[^"]*",(\n\s*"semanticVersion": "[^"]*",)?`)
	driverRules   = regexp.MustCompile(`(?s)("rules": )\[\n.*?\n {10}\]`)
)

// normalizeSARIF makes the output independent of where the test runs, of
// the version the binary was stamped with, and of the rules' docs (which
// TestSARIF and the driver's unit tests check): the golden file then
// changes only with the findings and the format.
func normalizeSARIF(out, dir string) string {
	root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}).String() + "/"
	out = strings.ReplaceAll(out, root, "file:///SRCROOT/")
	out = driverVersion.ReplaceAllString(out, `$1"VERSION",`)
	return driverRules.ReplaceAllString(out, `$1"(one per rule of the suite; elided)"`)
}

func TestSARIF(t *testing.T) {
	dir := testdataModule(t)
	r := run(t, dir, nil, binary, "-sarif", "./e2e/shop")
	if r.code != 3 {
		t.Errorf("exit code %d, want 3; stderr:\n%s", r.code, r.stderr)
	}
	log := checkSARIF(t, r.stdout)
	golden(t, "shop.sarif", normalizeSARIF(r.stdout, dir))

	// -format sarif is the same.
	if r2 := run(t, dir, nil, binary, "-format", "sarif", "./e2e/shop"); r2.stdout != r.stdout || r2.code != 3 {
		t.Errorf("-format sarif differs from -sarif (exit %d)", r2.code)
	}

	run0 := log.Runs[0]
	var rules []string
	for _, rule := range run0.Tool.Driver.Rules {
		rules = append(rules, rule.ID)
		if rule.HelpURI != "https://github.com/otellint/otellint/blob/main/docs/rules/"+rule.ID+".md" {
			t.Errorf("rule %s: helpUri %s", rule.ID, rule.HelpURI)
		}
	}
	var want []string
	for _, a := range analyzers.Analyzers() {
		want = append(want, a.Name)
	}
	if !slices.Equal(rules, want) {
		t.Errorf("rules %v, want every rule of the suite %v", rules, want)
	}
	golden, err := os.ReadFile(filepath.Join("testdata", "shop.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Count(string(golden), "\n"); len(run0.Results) != want {
		t.Fatalf("%d results, want the %d findings of shop.txt", len(run0.Results), want)
	}
	fixes, related := 0, 0
	for _, res := range run0.Results {
		loc := res.Locations[0].PhysicalLocation
		if strings.HasPrefix(loc.ArtifactLocation.URI, "/") || !strings.HasPrefix(loc.ArtifactLocation.URI, "e2e/shop/") {
			t.Errorf("uri %q is not relative to the module root", loc.ArtifactLocation.URI)
		}
		if loc.Region.StartLine < 1 || loc.Region.StartColumn < 1 || (loc.Region.EndLine == loc.Region.StartLine && loc.Region.EndColumn <= loc.Region.StartColumn) {
			t.Errorf("%s: region %+v", res.Message.Text, loc.Region)
		}
		fixes += len(res.Fixes)
		related += len(res.RelatedLocations)
		if res.PartialFingerprints["otellint/v1"] == "" {
			t.Errorf("%s: no otellint/v1 fingerprint", res.Message.Text)
		}
	}
	// The two spans never ended get the fix "Add defer span.End()", as in
	// -json, and the query in the handler its context-aware form; every
	// finding of the span rules has a related position.
	if fixes != 3 || related != 5 {
		t.Errorf("%d fixes and %d related locations, want 3 and 5", fixes, related)
	}
}

// TestSARIFErrors: packages that fail to type-check are tool execution
// notifications; the other packages' results are still there, and the
// exit code is that of text mode.
func TestSARIFErrors(t *testing.T) {
	r := run(t, testdataModule(t), nil, binary, "-sarif", "./e2e/...")
	if r.code != 1 {
		t.Errorf("exit code %d, want 1", r.code)
	}
	log := checkSARIF(t, r.stdout)
	inv := log.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 || !strings.Contains(inv.ToolExecutionNotifications[0].Message.Text, "e2e/broken/broken.go:6:9: cannot use") {
		t.Errorf("invocation %+v", inv)
	}
	if len(log.Runs[0].Results) == 0 {
		t.Error("no results next to the broken package")
	}
	r = run(t, testdataModule(t), nil, binary, "-sarif", "./e2e/tel")
	if r.code != 0 {
		t.Errorf("clean package: exit code %d, want 0", r.code)
	}
	log = checkSARIF(t, r.stdout)
	if !log.Runs[0].Invocations[0].ExecutionSuccessful || len(log.Runs[0].Results) != 0 {
		t.Errorf("clean package: %+v", log.Runs[0])
	}
}

// copyModule copies the testdata module to a temporary directory that the
// test may edit.
func copyModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(testdataModule(t))); err != nil {
		t.Fatal(err)
	}
	return dir
}

func appendFile(t *testing.T, path, text string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(data, text...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// shiftLines inserts lines at the top of a file, below its package clause:
// every finding in it moves down.
func shiftLines(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), "\nimport (", "\n// Lines inserted\n// above every finding.\n\nimport (", 1)
	if s == string(data) {
		t.Fatalf("%s has no import block to shift", path)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// audit2 makes Audit's spanend mistake again, on a line identical to
// Audit's Start, and nothing else.
const audit2 = `
// Audit2 repeats Audit's mistake on an identical line.
func Audit2(ctx context.Context) {
	ctx, span := tel.Start(ctx, "audit")
	span.AddEvent("audit")
	_ = ctx
}
`

func fingerprints(log sarifLog) map[string]string {
	fps := map[string]string{}
	for _, res := range log.Runs[0].Results {
		fps[res.PartialFingerprints["otellint/v1"]] = res.Message.Text
	}
	return fps
}

// TestSARIFFingerprints: two findings with the same message on identical
// lines of one file get different fingerprints, and no fingerprint changes
// when lines are inserted above the findings.
func TestSARIFFingerprints(t *testing.T) {
	dir := copyModule(t)
	shop := filepath.Join(dir, "e2e/shop/shop.go")
	appendFile(t, shop, audit2)
	r := run(t, dir, nil, binary, "-sarif", "./e2e/shop")
	log := checkSARIF(t, r.stdout)
	var audits []sarifResult
	for _, res := range log.Runs[0].Results {
		if strings.HasPrefix(res.Message.Text, `span "audit" is not ended on all paths`) {
			audits = append(audits, res)
		}
	}
	if len(audits) != 2 || audits[0].Message.Text[:40] != audits[1].Message.Text[:40] {
		t.Fatalf("want two spanend findings on span \"audit\", got %d:\n%s", len(audits), r.stdout)
	}
	if audits[0].PartialFingerprints["otellint/v1"] == audits[1].PartialFingerprints["otellint/v1"] {
		t.Errorf("identical fingerprints for the two audit findings: %v", audits[0].PartialFingerprints)
	}
	before := fingerprints(log)
	if len(before) != len(log.Runs[0].Results) {
		t.Errorf("%d distinct fingerprints for %d results", len(before), len(log.Runs[0].Results))
	}

	shiftLines(t, shop)
	r = run(t, dir, nil, binary, "-sarif", "./e2e/shop")
	if r.code != 3 {
		t.Fatalf("after shifting lines: exit %d, want 3\n%s", r.code, r.stderr)
	}
	shifted := checkSARIF(t, r.stdout)
	firstLine := func(log sarifLog) int {
		for _, res := range log.Runs[0].Results {
			if loc := res.Locations[0].PhysicalLocation; loc.ArtifactLocation.URI == "e2e/shop/shop.go" {
				return loc.Region.StartLine
			}
		}
		return 0
	}
	if firstLine(shifted) == firstLine(log) {
		t.Fatal("the findings did not move")
	}
	after := fingerprints(shifted)
	for fp, msg := range before {
		if _, ok := after[fp]; !ok {
			t.Errorf("fingerprint of %q changed when lines were inserted above it", msg)
		}
	}
}

// TestBaseline: the first run records the findings and exits 0; later runs
// report nothing, even after lines move; a new finding, identical to an
// accepted one but for its position, is the only one reported, in every
// output format.
func TestBaseline(t *testing.T) {
	dir := copyModule(t)
	base := filepath.Join(dir, "otellint-baseline.json")

	r := run(t, dir, nil, binary, "-baseline", base, "./e2e/shop")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "wrote 7 findings to baseline") {
		t.Fatalf("writing the baseline: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	var bf struct {
		Version  int
		Findings []struct {
			Rule, File, Message, Line string
			Occurrence                int
		}
	}
	if err := json.Unmarshal(data, &bf); err != nil || bf.Version != 1 || len(bf.Findings) != 7 {
		t.Fatalf("baseline file (%v):\n%s", err, data)
	}
	if f := bf.Findings[0]; f.File != "e2e/shop/http.go" || f.Line != `if _, err := DB.Exec("UPDATE stock SET n = n - 1 WHERE sku = ?", sku); err != nil {` {
		t.Errorf("first entry %+v", f)
	}

	r = run(t, dir, nil, binary, "-baseline", base, "./e2e/shop")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "7 findings suppressed by baseline") {
		t.Errorf("rerun: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}

	shop := filepath.Join(dir, "e2e/shop/shop.go")
	shiftLines(t, shop)
	shiftLines(t, filepath.Join(dir, "e2e/shop/inventory.go"))
	r = run(t, dir, nil, binary, "-baseline", base, "./e2e/shop")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("after shifting lines: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}

	appendFile(t, shop, audit2)
	r = run(t, dir, nil, binary, "-baseline", base, "./e2e/shop")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != 3 || len(lines) != 1 || !strings.Contains(lines[0], `spanend: span "audit" is not ended`) || !strings.Contains(r.stderr, "7 findings suppressed") {
		t.Errorf("new finding: exit %d, want 3 and exactly the new finding\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	wantLine := lines[0][:strings.Index(lines[0], ": spanend")]

	r = run(t, dir, nil, binary, "-baseline", base, "-json", "./e2e/shop")
	var tree map[string]map[string][]struct{ Posn string }
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("JSON: %v\n%s", err, r.stdout)
	}
	diags := tree["example.com/testdata/e2e/shop"]
	if r.code != 3 || len(diags) != 1 || len(diags["spanend"]) != 1 || diags["spanend"][0].Posn != wantLine {
		t.Errorf("JSON with baseline: exit %d\n%s", r.code, r.stdout)
	}

	r = run(t, dir, nil, binary, "-baseline", base, "-sarif", "./e2e/shop")
	log := checkSARIF(t, r.stdout)
	if res := log.Runs[0].Results; r.code != 3 || len(res) != 1 || res[0].BaselineState != "new" || res[0].RuleID != "spanend" {
		t.Errorf("SARIF with baseline: exit %d\n%s", r.code, r.stdout)
	}

	// -baseline-update accepts the new finding; the old file is replaced.
	r = run(t, dir, nil, binary, "-baseline", base, "-baseline-update", "./e2e/shop")
	if r.code != 0 || !strings.Contains(r.stderr, "wrote 8 findings") {
		t.Errorf("update: exit %d\n%s", r.code, r.stderr)
	}
	r = run(t, dir, nil, binary, "-baseline", base, "./e2e/shop")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("after the update: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// A baseline is not written while a package fails to type-check.
	broken := filepath.Join(dir, "broken-baseline.json")
	r = run(t, dir, nil, binary, "-baseline", broken, "./e2e/...")
	if _, err := os.Stat(broken); err == nil || r.code != 1 || !strings.Contains(r.stderr, "not writing baseline") {
		t.Errorf("baseline with a broken package: exit %d, file written: %v\n%s", r.code, err == nil, r.stderr)
	}
}

// TestJSONFixes: the JSON output carries every fix as x/tools prints it
// (suggested_fixes with message and byte-offset edits), and ends.
func TestJSONFixes(t *testing.T) {
	r := run(t, testdataModule(t), nil, binary, "-json", "./e2e/shop")
	var tree map[string]map[string][]struct {
		Posn, End      string
		SuggestedFixes []struct {
			Message string
			Edits   []struct {
				Filename   string
				Start, End int
				New        string
			}
		} `json:"suggested_fixes"`
		Related []struct{ Posn, End, Message string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatal(err)
	}
	fixes := 0
	for _, diags := range tree["example.com/testdata/e2e/shop"] {
		for _, d := range diags {
			if d.End == "" {
				t.Errorf("%s: no end", d.Posn)
			}
			for _, rel := range d.Related {
				if rel.End == "" {
					t.Errorf("%s: related %s has no end", d.Posn, rel.Posn)
				}
			}
			for _, f := range d.SuggestedFixes {
				if strings.HasPrefix(f.Message, "Pass r.Context()") {
					continue // blockinghandler's, checked by its rule tests
				}
				fixes++
				if f.Message != "Add defer span.End()" || len(f.Edits) != 1 || !strings.HasPrefix(f.Edits[0].Filename, "e2e/shop/") || f.Edits[0].Start <= 0 || f.Edits[0].End < f.Edits[0].Start || !strings.Contains(f.Edits[0].New, "defer span.End()") {
					t.Errorf("%s: fix %+v", d.Posn, f)
				}
			}
		}
	}
	if fixes != 2 {
		t.Errorf("%d fixes, want 2", fixes)
	}
}

// TestOutputFlags: the format flags and the combinations they refuse.
func TestOutputFlags(t *testing.T) {
	dir := testdataModule(t)
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"-json", "-sarif", "./e2e/shop"}, 2, "conflicting output formats"},
		{[]string{"-format", "text", "-json", "./e2e/shop"}, 2, "conflicting output formats"},
		{[]string{"-format", "xml", "./e2e/shop"}, 2, "unknown output format"},
		{[]string{"-fix", "-sarif", "./e2e/shop"}, 2, "-fix prints text"},
		{[]string{"-fix", "-json", "./e2e/shop"}, 2, "-fix prints text"},
		{[]string{"-baseline-update", "./e2e/shop"}, 2, "requires -baseline"},
		{[]string{"-fix", "-baseline", "b.json", "./e2e/shop"}, 2, "cannot be combined with -baseline"},
		{[]string{"-format", "json", "-json", "./e2e/shop"}, 3, ""},
		{[]string{"-format", "text", "./e2e/shop"}, 3, ""},
	} {
		r := run(t, dir, nil, binary, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.err) {
			t.Errorf("otellint %v: exit %d, want %d with %q\nstderr: %s", tc.args, r.code, tc.code, tc.err, r.stderr)
		}
	}
}
