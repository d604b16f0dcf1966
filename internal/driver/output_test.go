package driver

import (
	"bytes"
	"encoding/json"
	"flag"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/otellint/otellint/analyzers"
	"github.com/otellint/otellint/internal/driver/sarifcheck"
)

// A fixture is a set of source files in a temporary directory, added to
// one FileSet as the loader would, and findings made at marked places.
type fixture struct {
	t    *testing.T
	dir  string
	fset *token.FileSet
	act  *checker.Action
	tf   map[string]*token.File
	src  map[string]string
}

func newFixture(t *testing.T, files map[string]string) *fixture {
	t.Helper()
	fx := &fixture{t: t, dir: t.TempDir(), fset: token.NewFileSet(), tf: map[string]*token.File{}, src: files}
	fx.act = &checker.Action{Analyzer: analyzers.Suite[0].Analyzer, Package: &packages.Package{ID: "example.com/p", Fset: fx.fset}}
	for name, content := range files {
		path := filepath.Join(fx.dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		f := fx.fset.AddFile(path, -1, len(content))
		f.SetLinesForContent([]byte(content))
		fx.tf[name] = f
	}
	return fx
}

// pos returns the position of the nth (0-based) occurrence of marker in
// the named file.
func (fx *fixture) pos(name, marker string, nth int) token.Pos {
	fx.t.Helper()
	s := fx.src[name]
	off := -1
	for i := 0; i <= nth; i++ {
		j := strings.Index(s[off+1:], marker)
		if j < 0 {
			fx.t.Fatalf("%s: occurrence %d of %q not found", name, nth, marker)
		}
		off += 1 + j
	}
	return fx.tf[name].Pos(off)
}

func (fx *fixture) finding(rule *analysis.Analyzer, d analysis.Diagnostic) finding {
	return finding{pkg: "example.com/p", rule: rule, diag: d, act: fx.act}
}

func TestNormalizeLine(t *testing.T) {
	for in, want := range map[string]string{
		"\t\tctx, span := tracer.Start(ctx, \"x\")  ": `ctx, span := tracer.Start(ctx, "x")`,
		"a \t  b\r":   "a b",
		"":            "",
		"   \t":       "",
		"x := `a  b`": "x := `a b`",
	} {
		if got := normalizeLine([]byte(in)); got != want {
			t.Errorf("normalizeLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUTF16Column(t *testing.T) {
	line := []byte("é😀x") // é: 2 bytes, 1 unit; 😀: 4 bytes, 2 units
	for _, tc := range []struct{ col, want int }{
		{1, 1},  // before é
		{3, 2},  // before 😀
		{7, 4},  // before x
		{8, 5},  // end of line
		{10, 7}, // past the end: one unit a byte
		{0, 1},
	} {
		if got := utf16Column(line, tc.col); got != tc.want {
			t.Errorf("utf16Column(%q, %d) = %d, want %d", line, tc.col, got, tc.want)
		}
	}
}

func TestTokenEnd(t *testing.T) {
	for _, tc := range []struct {
		line string
		col  int
		want int
	}{
		{`	ctx, span := tracer.Start(ctx, "x")`, 2, 5},   // ctx
		{`	ctx, span := tracer.Start(ctx, "x")`, 12, 14}, // :=
		{`	ctx, span := tracer.Start(ctx, "x")`, 33, 36}, // "x"
		{`	return err // leaks`, 1, 8},                   // white space, then return
		{`	go func() {`, 2, 4},                           // go
		{`x := "unterminated`, 6, 19},                    // to the end of the line
		{"\tdefer span.End()", 18, 18},                   // at the end: empty
		{"}", 1, 2},
	} {
		if got := tokenEnd([]byte(tc.line), tc.col); got != tc.want {
			t.Errorf("tokenEnd(%q, %d) = %d, want %d", tc.line, tc.col, got, tc.want)
		}
	}
}

const twins = `package p

func a(ctx context.Context) {
	_, span := tel.Start(ctx, "x")
	_ = span
}

func b(ctx context.Context) {
	_, span := tel.Start(ctx, "x")
	_ = span
}
`

// twinFindings reports the same message on both Starts of src.
func twinFindings(fx *fixture, name string) []finding {
	msg := `span "x" is not ended on all paths`
	rule := analyzers.Suite[0].Analyzer
	return []finding{
		fx.finding(rule, analysis.Diagnostic{Pos: fx.pos(name, "tel.Start", 0), Message: msg}),
		fx.finding(rule, analysis.Diagnostic{Pos: fx.pos(name, "tel.Start", 1), Message: msg}),
	}
}

// TestIdentities: two findings with the same message on lines with the
// same text differ by their occurrence and fingerprint; lines inserted
// above them, and re-indentation, change neither.
func TestIdentities(t *testing.T) {
	fx := newFixture(t, map[string]string{"p/p.go": twins})
	ids := identities(fx.dir, twinFindings(fx, "p/p.go"), newSourceCache())
	if ids[0].Occurrence != 0 || ids[1].Occurrence != 1 {
		t.Errorf("occurrences %d, %d; want 0, 1", ids[0].Occurrence, ids[1].Occurrence)
	}
	if ids[0].fingerprint() == ids[1].fingerprint() {
		t.Errorf("identical fingerprints for two findings: %v", ids)
	}
	if ids[0].File != "p/p.go" || ids[0].Line != `_, span := tel.Start(ctx, "x")` {
		t.Errorf("identity %+v", ids[0])
	}

	shifted := strings.Replace(twins, "package p\n", "package p\n\n// Inserted.\nvar inserted = 1\n", 1)
	shifted = strings.ReplaceAll(shifted, "\t_, span", "\t\t_, span  ")
	fx2 := newFixture(t, map[string]string{"p/p.go": shifted})
	ids2 := identities(fx2.dir, twinFindings(fx2, "p/p.go"), newSourceCache())
	for i := range ids {
		if ids[i] != ids2[i] || ids[i].fingerprint() != ids2[i].fingerprint() {
			t.Errorf("identity %d changed with unrelated edits: %+v -> %+v", i, ids[i], ids2[i])
		}
	}
	if fx.fset.Position(twinFindings(fx, "p/p.go")[0].diag.Pos).Line == fx2.fset.Position(twinFindings(fx2, "p/p.go")[0].diag.Pos).Line {
		t.Fatal("the fixture did not shift the lines")
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	fx := newFixture(t, map[string]string{"p/p.go": twins})
	findings := twinFindings(fx, "p/p.go")
	ids := identities(fx.dir, findings, newSourceCache())
	path := filepath.Join(t.TempDir(), "baseline.json")

	// Only the first finding is accepted: the second is new.
	if err := writeBaseline(path, ids[:1]); err != nil {
		t.Fatal(err)
	}
	base, err := readBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	kept, keptIDs, suppressed, stale := filterBaseline(findings, ids, base)
	if suppressed != 1 || stale != 0 || len(kept) != 1 || keptIDs[0].Occurrence != 1 {
		t.Errorf("filter: suppressed %d, stale %d, kept %v", suppressed, stale, keptIDs)
	}

	// Both accepted, and one entry for a finding fixed since.
	gone := identity{Rule: "spanend", File: "p/q.go", Message: "m", Line: "x"}
	if err := writeBaseline(path, append([]identity{gone}, ids...)); err != nil {
		t.Fatal(err)
	}
	base, err = readBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	kept, _, suppressed, stale = filterBaseline(findings, ids, base)
	if len(kept) != 0 || suppressed != 2 || stale != 1 {
		t.Errorf("filter: kept %d, suppressed %d, stale %d; want 0, 2, 1", len(kept), suppressed, stale)
	}

	// The file is sorted, versioned and carries the SARIF fingerprints.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var bf baselineFile
	if err := json.Unmarshal(data, &bf); err != nil {
		t.Fatal(err)
	}
	if bf.Version != baselineVersion || len(bf.Findings) != 3 || bf.Findings[0].File != "p/p.go" || bf.Findings[2].File != "p/q.go" {
		t.Errorf("baseline file:\n%s", data)
	}
	if bf.Findings[1].Fingerprint != ids[1].fingerprint() {
		t.Errorf("fingerprint %s, want %s", bf.Findings[1].Fingerprint, ids[1].fingerprint())
	}
	if strings.Contains(string(data), `"line": 4`) || strings.Contains(string(data), "startLine") {
		t.Errorf("the baseline records line numbers:\n%s", data)
	}

	// Another format version is refused, not misread.
	if err := os.WriteFile(path, []byte(`{"version": 2, "findings": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readBaseline(path); err == nil || !strings.Contains(err.Error(), "version 2") {
		t.Errorf("readBaseline of version 2: %v", err)
	}
}

func TestApplyBaseline(t *testing.T) {
	fx := newFixture(t, map[string]string{"p/p.go": twins})
	findings := twinFindings(fx, "p/p.go")
	ids := identities(fx.dir, findings, newSourceCache())
	path := filepath.Join(t.TempDir(), "b.json")
	opt := baselineOptions{path: path}

	if _, err := applyBaseline(opt, findings, ids, true); err == nil {
		t.Error("a baseline was written although packages failed")
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("the baseline file exists after a refusal")
	}
	res, err := applyBaseline(opt, findings, ids, false)
	if err != nil || !res.wrote || res.suppressed != 2 || len(res.findings) != 0 {
		t.Fatalf("first run: %+v, %v", res, err)
	}
	res, err = applyBaseline(opt, findings[:1], ids[:1], false)
	if err != nil || res.wrote || res.suppressed != 1 || res.stale != 1 || len(res.findings) != 0 {
		t.Errorf("second run, one finding fixed: %+v, %v", res, err)
	}
	res, err = applyBaseline(baselineOptions{path: path, update: true}, findings[:1], ids[:1], false)
	if err != nil || !res.wrote {
		t.Fatalf("update: %+v, %v", res, err)
	}
	res, err = applyBaseline(opt, findings, ids, false)
	if err != nil || len(res.findings) != 1 || res.ids[0].Occurrence != 1 {
		t.Errorf("after the update, the second finding is new: %+v, %v", res, err)
	}
	if err := os.WriteFile(path, []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := applyBaseline(opt, findings, ids, false); err == nil {
		t.Error("a corrupt baseline was accepted")
	}
}

func TestOutputFormat(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string // "" for an error
	}{
		{nil, "text"},
		{[]string{"-json"}, "json"},
		{[]string{"-sarif"}, "sarif"},
		{[]string{"-format", "sarif"}, "sarif"},
		{[]string{"-format=json", "-json"}, "json"},
		{[]string{"-json=false"}, "text"},
		{[]string{"-format", "text"}, "text"},
		{[]string{"-json", "-sarif"}, ""},
		{[]string{"-format", "text", "-sarif"}, ""},
		{[]string{"-format", "xml"}, ""},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		format := fs.String("format", formatText, "")
		jsonOut := fs.Bool("json", false, "")
		sarifOut := fs.Bool("sarif", false, "")
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		got, err := outputFormat(fs, *format, *jsonOut, *sarifOut)
		if tc.want == "" && err == nil || tc.want != "" && got != tc.want {
			t.Errorf("%v: got %q, %v; want %q", tc.args, got, err, tc.want)
		}
	}
}

const unicodeSrc = `package p

func f() {
	s := "héllo"; _, span := tel.Start(ctx, "ü") // 😀
	x[0] = 1
}
`

// TestSARIFFromFindings builds SARIF from synthetic findings: columns in
// UTF-16 units, regions to the end of the token when a diagnostic has no
// end, related locations and embedded links, escaped brackets, fixes,
// files outside the working directory, errors; the log passes the schema
// and GitHub's rules.
func TestSARIFFromFindings(t *testing.T) {
	fx := newFixture(t, map[string]string{"p/u.go": unicodeSrc, "out/o.go": unicodeSrc})
	cwd := filepath.Join(fx.dir, "p")
	rule := analyzers.Suite[0].Analyzer
	start := fx.pos("p/u.go", "tel.Start", 0)
	d := analysis.Diagnostic{
		Pos:     start,
		Message: "span in x[0] is not ended",
		Related: []analysis.RelatedInformation{
			{Pos: fx.pos("p/u.go", "x[0]", 0), Message: "see [here]"},
			{Pos: fx.pos("p/u.go", "}", 0), Message: "end"},
		},
		SuggestedFixes: []analysis.SuggestedFix{{
			Message: "Add defer span.End()",
			TextEdits: []analysis.TextEdit{
				{Pos: fx.pos("p/u.go", "\tx[0]", 0), End: fx.pos("p/u.go", "\tx[0]", 0), NewText: []byte("\tdefer span.End()\n")},
				{Pos: fx.pos("p/u.go", "// 😀", 0), End: fx.pos("p/u.go", "// 😀", 0) + token.Pos(len("// 😀"))},
			},
		}},
	}
	outside := analysis.Diagnostic{Pos: fx.pos("out/o.go", "tel.Start", 0), End: fx.pos("out/o.go", `"ü")`, 0) + 4, Message: "outside"}
	findings := []finding{fx.finding(rule, d), fx.finding(rule, outside)}
	src := newSourceCache()
	in := sarifInput{
		cwd:      cwd,
		findings: findings,
		ids:      identities(cwd, findings, src),
		errs:     []pkgError{{pkg: "example.com/p", msg: "u.go:5:2: undefined: x"}, {pkg: "example.com/q", msg: "otellint: example.com/q: spanend: boom"}},
		rules:    analyzers.Analyzers(),
		src:      src,
	}
	var buf bytes.Buffer
	if err := printSARIF(&buf, in); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if err := sarifcheck.ValidateSchema(data); err != nil {
		t.Fatalf("schema: %v\n%s", err, data)
	}
	ps, err := sarifcheck.Check(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Rule == "GH1006" && strings.Contains(p.Msg, "out/o.go") {
			continue // a file outside the working directory cannot be repository-relative
		}
		t.Errorf("%v", p)
	}

	log := buildSARIF(in)
	run := log.Runs[0]
	r := run.Results[0]
	// Line 4 is `	s := "héllo"; _, span := tel.Start(ctx, "ü") // 😀`:
	// tel.Start is at byte column 28, UTF-16 column 27 (é is two bytes,
	// one unit); without an End the region covers the token "tel".
	if got := *r.Locations[0].PhysicalLocation.Region; got != (sarifRegion{4, 27, 4, 30}) {
		t.Errorf("region %+v, want {4 27 4 30}", got)
	}
	if r.Locations[0].PhysicalLocation.ArtifactLocation != (sarifArtifactLocation{URI: "u.go", URIBaseID: srcRootID}) {
		t.Errorf("artifact %+v", r.Locations[0].PhysicalLocation.ArtifactLocation)
	}
	wantMsg := `span in x\[0\] is not ended; see [see \[here\]](1), [end](2)`
	if r.Message.Text != wantMsg {
		t.Errorf("message %q, want %q", r.Message.Text, wantMsg)
	}
	if len(r.RelatedLocations) != 2 || r.RelatedLocations[1].ID != 2 || r.RelatedLocations[1].Message.Text != "end" {
		t.Errorf("related %+v", r.RelatedLocations)
	}
	if r.RuleID != rule.Name || run.Tool.Driver.Rules[r.RuleIndex].ID != rule.Name || r.Level != "error" {
		t.Errorf("rule %s at %d, level %s", r.RuleID, r.RuleIndex, r.Level)
	}
	if fp := r.PartialFingerprints[fingerprintKey]; fp == "" || fp != in.ids[0].fingerprint() || r.PartialFingerprints["primaryLocationLineHash"] != fp {
		t.Errorf("fingerprints %v", r.PartialFingerprints)
	}
	// The fix: an insertion at the start of line 5, and the deletion of
	// the comment, whose end is past the emoji's two UTF-16 units.
	if len(r.Fixes) != 1 || len(r.Fixes[0].ArtifactChanges) != 1 {
		t.Fatalf("fixes %+v", r.Fixes)
	}
	reps := r.Fixes[0].ArtifactChanges[0].Replacements
	if len(reps) != 2 || reps[0].DeletedRegion != (sarifRegion{5, 1, 5, 1}) || reps[0].InsertedContent.Text != "\tdefer span.End()\n" {
		t.Errorf("insertion %+v", reps)
	}
	if reps[1].DeletedRegion != (sarifRegion{4, 47, 4, 52}) || reps[1].InsertedContent != nil {
		t.Errorf("deletion %+v, want region {4 47 4 52} and no content", reps[1])
	}
	// A file outside the working directory: an absolute URI, no base.
	o := run.Results[1].Locations[0].PhysicalLocation
	if !strings.HasPrefix(o.ArtifactLocation.URI, "file:///") || o.ArtifactLocation.URIBaseID != "" || !strings.HasSuffix(o.ArtifactLocation.URI, "/out/o.go") {
		t.Errorf("outside artifact %+v", o.ArtifactLocation)
	}
	// The End after `"ü"` is byte column 47, UTF-16 column 45.
	if *o.Region != (sarifRegion{4, 27, 4, 45}) {
		t.Errorf("outside region %+v, want {4 27 4 45}", *o.Region)
	}
	// Errors: the invocation failed; a positioned error has a location.
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 2 {
		t.Fatalf("invocation %+v", inv)
	}
	n := inv.ToolExecutionNotifications[0]
	if len(n.Locations) != 1 || *n.Locations[0].PhysicalLocation.Region != (sarifRegion{5, 2, 5, 3}) || n.Properties["package"] != "example.com/p" {
		t.Errorf("notification %+v", n)
	}
	if len(inv.ToolExecutionNotifications[1].Locations) != 0 {
		t.Errorf("an error without a position got a location")
	}
	if got := run.OriginalURIBaseIDs[srcRootID].URI; got != fileURI(cwd)+"/" || inv.WorkingDirectory.URI != got {
		t.Errorf("source root %q, working directory %q", got, inv.WorkingDirectory.URI)
	}
}

// TestSARIFRules: every rule of the suite is described within GitHub's
// limits, with a friendly name distinct from its id and its docs page.
func TestSARIFRules(t *testing.T) {
	for _, e := range analyzers.Suite {
		r := sarifRuleFor(e.Analyzer)
		if r.ID != e.Analyzer.Name || r.Name == r.ID || r.Name == "" || strings.ContainsAny(r.Name, " -_") {
			t.Errorf("%s: id %q, name %q", e.Analyzer.Name, r.ID, r.Name)
		}
		if r.HelpURI != "https://github.com/otellint/otellint/blob/main/docs/rules/"+e.Analyzer.Name+".md" {
			t.Errorf("%s: helpUri %s", r.ID, r.HelpURI)
		}
		if n := len([]rune(r.FullDescription.Text)); n > maxDescription || n < 40 {
			t.Errorf("%s: full description of %d characters:\n%s", r.ID, n, r.FullDescription.Text)
		}
		if strings.Contains(r.FullDescription.Text, "\t") || strings.HasPrefix(r.FullDescription.Text, e.Analyzer.Name+":") {
			t.Errorf("%s: full description is not the opening prose:\n%s", r.ID, r.FullDescription.Text)
		}
		if r.ShortDescription.Text != upperFirst(e.Summary()) || r.Help.Text != e.Analyzer.Doc || !strings.Contains(r.Help.Markdown, "```go") {
			t.Errorf("%s: descriptions %+v %+v", r.ID, r.ShortDescription, r.Help)
		}
		if r.DefaultConfiguration.Level != "error" {
			t.Errorf("%s: level %s", r.ID, r.DefaultConfiguration.Level)
		}
	}
	if got := friendlyName("check that every started span is ended on every path"); got != "EveryStartedSpanIsEndedOnEveryPath" {
		t.Errorf("friendlyName: %s", got)
	}
	if got := friendlyName("check spans"); got != "Spans" {
		t.Errorf("friendlyName: %s", got)
	}
}

func TestTruncateText(t *testing.T) {
	if got := truncateText("One. Two. Three.", 12); got != "One. Two." {
		t.Errorf("at a sentence: %q", got)
	}
	if got := truncateText("one two three", 9); got != "one two…" || len([]rune(got)) > 9 {
		t.Errorf("at a word: %q", got)
	}
	if got := truncateText("short", 9); got != "short" {
		t.Errorf("short: %q", got)
	}
}

// TestJSONEnds: as in x/tools, every diagnostic and related position has
// an end, its start when the analyzer set none.
func TestJSONEnds(t *testing.T) {
	fx := newFixture(t, map[string]string{"p/p.go": twins})
	p := fx.pos("p/p.go", "tel.Start", 0)
	d := analysis.Diagnostic{Pos: p, Message: "m", Related: []analysis.RelatedInformation{{Pos: p, Message: "r"}}}
	var buf bytes.Buffer
	if err := printJSON(&buf, fx.dir, []finding{fx.finding(analyzers.Suite[0].Analyzer, d)}, nil); err != nil {
		t.Fatal(err)
	}
	var tree map[string]map[string][]struct {
		Posn, End string
		Related   []struct{ Posn, End string }
	}
	if err := json.Unmarshal(buf.Bytes(), &tree); err != nil {
		t.Fatal(err)
	}
	jd := tree["example.com/p"][analyzers.Suite[0].Analyzer.Name][0]
	if jd.End != jd.Posn || jd.End != "p/p.go:4:13" || jd.Related[0].End != jd.Related[0].Posn {
		t.Errorf("ends: %s", buf.Bytes())
	}
}

// TestSARIFRuleNotListed: a finding of a rule missing from the rules that
// ran still gets a rule entry, and a ruleIndex that points at it.
func TestSARIFRuleNotListed(t *testing.T) {
	fx := newFixture(t, map[string]string{"p/p.go": twins})
	findings := twinFindings(fx, "p/p.go")
	src := newSourceCache()
	log := buildSARIF(sarifInput{
		cwd: fx.dir, findings: findings, ids: identities(fx.dir, findings, src),
		rules: analyzers.Analyzers()[1:], src: src,
	})
	run := log.Runs[0]
	for _, r := range run.Results {
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result of %s points at rule %d, %s", r.RuleID, r.RuleIndex, run.Tool.Driver.Rules[r.RuleIndex].ID)
		}
	}
	if n := len(run.Tool.Driver.Rules); n != len(analyzers.Suite) {
		t.Errorf("%d rules, want %d", n, len(analyzers.Suite))
	}
}
