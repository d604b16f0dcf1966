package driver

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/mod/semver"
	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers"
	"github.com/otellint/otellint/internal/docgen"
)

// SARIF output
//
// printSARIF writes one SARIF 2.1.0 log with one run, in the subset that
// GitHub code scanning reads (docs.github.com, "SARIF support for code
// scanning"), checked in the tests against the OASIS schema and against
// GitHub's ingestion rules as the SARIF validator states them (GH1001...):
//
//   - tool.driver: name, version (and semanticVersion for a release build),
//     informationUri, and one reportingDescriptor per rule that ran, with
//     the rule's summary, the opening of its doc (GitHub shows at most
//     1024 characters), its whole doc as help (text and Markdown), the
//     docs page as helpUri and "error" as the default level: otellint's
//     findings are meant to block a merge.
//   - results: ruleId and ruleIndex, level, the message (with the related
//     positions as embedded links, which GitHub renders), one location,
//     relatedLocations, partialFingerprints (see identity.go) and the
//     suggested fixes as fixes[].
//   - paths are relative to the working directory, under the uri base id
//     %SRCROOT%, whose absolute URI originalUriBaseIds records; a file
//     outside the working directory gets an absolute file URI, which
//     GitHub resolves against invocations[0].workingDirectory.
//   - columns count UTF-16 code units (columnKind), 1-based, the end
//     exclusive.
//   - load, type and analysis errors are tool execution notifications of
//     the invocation, whose executionSuccessful is then false.

const (
	sarifSchema    = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion   = "2.1.0"
	srcRootID      = "%SRCROOT%"
	informationURI = "https://github.com/otellint/otellint"
	rulePageURL    = "https://github.com/otellint/otellint/blob/main/docs/rules/%s.md"

	// sarifLevel is the level of every rule and result: a finding is a
	// defect that loses or corrupts telemetry, and otellint is built to
	// block a merge on one (README, "Output formats").
	sarifLevel = "error"

	// maxDescription is GitHub's limit on a rule's short and full
	// descriptions, in characters.
	maxDescription = 1024
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	Results            []sarifResult                    `json:"results"`
	ColumnKind         string                           `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string              `json:"id"`
	Name                 string              `json:"name"`
	ShortDescription     sarifMessage        `json:"shortDescription"`
	FullDescription      sarifMessage        `json:"fullDescription"`
	Help                 sarifMultiformat    `json:"help"`
	HelpURI              string              `json:"helpUri"`
	DefaultConfiguration sarifConfiguration  `json:"defaultConfiguration"`
	Properties           sarifRuleProperties `json:"properties"`
}

type sarifRuleProperties struct {
	Tags []string `json:"tags"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
	BaselineState       string            `json:"baselineState,omitempty"`
}

type sarifLocation struct {
	ID               int                   `json:"id,omitempty"` // related locations: 1, 2, ...
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI         string        `json:"uri"`
	URIBaseID   string        `json:"uriBaseId,omitempty"`
	Description *sarifMessage `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion   `json:"deletedRegion"`
	InsertedContent *sarifMessage `json:"insertedContent,omitempty"` // an artifactContent: {"text": ...}
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                  `json:"executionSuccessful"`
	WorkingDirectory           sarifArtifactLocation `json:"workingDirectory"`
	ToolExecutionNotifications []sarifNotification   `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level      string            `json:"level"`
	Message    sarifMessage      `json:"message"`
	Locations  []sarifLocation   `json:"locations,omitempty"`
	Properties map[string]string `json:"properties,omitempty"`
}

// sarifInput is what printSARIF reports.
type sarifInput struct {
	cwd      string
	findings []finding
	ids      []identity // the findings' identities, in the same order
	errs     []pkgError
	rules    []*analysis.Analyzer // the rules that ran
	baseline bool                 // findings were filtered by a baseline: they are new
	src      *sourceCache
}

func printSARIF(w io.Writer, in sarifInput) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // messages and help quote code: keep & and < readable
	enc.SetIndent("", "  ")
	return enc.Encode(buildSARIF(in))
}

func buildSARIF(in sarifInput) sarifLog {
	root := strings.TrimSuffix(fileURI(in.cwd), "/") + "/"
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "otellint",
			Version:        Version(),
			InformationURI: informationURI,
			Rules:          []sarifRule{},
		}},
		Invocations: []sarifInvocation{{
			ExecutionSuccessful: len(in.errs) == 0,
			WorkingDirectory:    sarifArtifactLocation{URI: root},
		}},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{
			srcRootID: {URI: root, Description: &sarifMessage{Text: "The directory otellint ran in; result paths are relative to it."}},
		},
		Results:    []sarifResult{},
		ColumnKind: "utf16CodeUnits",
	}
	if v := buildVersion(); semver.IsValid(v) {
		run.Tool.Driver.SemanticVersion = strings.TrimPrefix(v, "v")
	}
	ruleIndex := map[*analysis.Analyzer]int{}
	for _, a := range in.rules {
		ruleIndex[a] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleFor(a))
	}
	for i, f := range in.findings {
		idx, ok := ruleIndex[f.rule]
		if !ok { // not among the rules that ran: describe it too
			idx = len(run.Tool.Driver.Rules)
			ruleIndex[f.rule] = idx
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleFor(f.rule))
		}
		run.Results = append(run.Results, in.result(f, in.ids[i], idx))
	}
	for _, e := range in.errs {
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, in.notification(e))
	}
	return sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
}

func (in sarifInput) result(f finding, id identity, ruleIndex int) sarifResult {
	fset := f.act.Package.Fset
	d := f.diag
	fp := id.fingerprint()
	r := sarifResult{
		RuleID:    f.rule.Name,
		RuleIndex: ruleIndex,
		Level:     sarifLevel,
		Message:   sarifMessage{Text: sarifMessageText(d)},
		Locations: []sarifLocation{{PhysicalLocation: in.physical(fset, d.Pos, d.End)}},
		// primaryLocationLineHash is the one fingerprint GitHub reads; it
		// gets otellint's, which is stable across line shifts and unique
		// within a file, like GitHub's own.
		PartialFingerprints: map[string]string{fingerprintKey: fp, "primaryLocationLineHash": fp},
	}
	for i, rel := range d.Related {
		r.RelatedLocations = append(r.RelatedLocations, sarifLocation{
			ID:               i + 1,
			PhysicalLocation: in.physical(fset, rel.Pos, rel.End),
			Message:          &sarifMessage{Text: rel.Message},
		})
	}
	for _, fix := range d.SuggestedFixes {
		if sf, ok := in.fix(fset, fix); ok {
			r.Fixes = append(r.Fixes, sf)
		}
	}
	if in.baseline {
		r.BaselineState = "new"
	}
	return r
}

// sarifMessageText is the diagnostic's message followed by its related
// positions as SARIF embedded links ("...; see [this return leaks the
// span](1)", the number being the related location's id), which GitHub
// shows as links. Brackets in the
// texts are escaped, as SARIF requires around embedded links.
func sarifMessageText(d analysis.Diagnostic) string {
	text := escapeBrackets(d.Message)
	if text == "" {
		text = "finding" // GitHub requires a message
	}
	for i, rel := range d.Related {
		sep := ", "
		if i == 0 {
			sep = "; see "
		}
		msg := rel.Message
		if msg == "" {
			msg = "related position"
		}
		text += fmt.Sprintf("%s[%s](%d)", sep, escapeBrackets(msg), i+1)
	}
	return text
}

func escapeBrackets(s string) string {
	return strings.NewReplacer(`[`, `\[`, `]`, `\]`).Replace(s)
}

// physical returns the location from pos to end (or, when end is not set,
// to the end of the token at pos), with the path and line numbers that
// the text output shows.
func (in sarifInput) physical(fset *token.FileSet, pos, end token.Pos) sarifPhysicalLocation {
	start := fset.Position(pos)
	var stop token.Position
	if end.IsValid() && end >= pos && fset.File(end) == fset.File(pos) {
		stop = fset.Position(end)
	}
	if stop.Filename != start.Filename || stop.Line < start.Line {
		stop = start
		stop.Column = tokenEnd(in.src.line(start.Filename, start.Line), start.Column)
	}
	return sarifPhysicalLocation{
		ArtifactLocation: in.artifact(start.Filename),
		Region:           in.region(start, stop),
	}
}

// region converts byte positions to a SARIF region in UTF-16 columns.
func (in sarifInput) region(start, end token.Position) *sarifRegion {
	line := max(start.Line, 1)
	r := &sarifRegion{
		StartLine:   line,
		StartColumn: utf16Column(in.src.line(start.Filename, line), start.Column),
		EndLine:     max(end.Line, line),
	}
	r.EndColumn = utf16Column(in.src.line(end.Filename, r.EndLine), end.Column)
	if r.EndLine == r.StartLine && r.EndColumn < r.StartColumn {
		r.EndColumn = r.StartColumn
	}
	return r
}

// artifact returns the artifact location of a file: relative to %SRCROOT%
// when the file is under the working directory, else an absolute URI.
func (in sarifInput) artifact(name string) sarifArtifactLocation {
	rel := relPath(in.cwd, name)
	if filepath.IsAbs(rel) {
		return sarifArtifactLocation{URI: fileURI(rel)}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRootID}
}

// fix converts a suggested fix to a SARIF fix: one artifact change per
// file, in the order of the edits, with regions on the file as it is on
// disk (not as //line directives present it).
func (in sarifInput) fix(fset *token.FileSet, fix analysis.SuggestedFix) (sarifFix, bool) {
	sf := sarifFix{Description: sarifMessage{Text: fix.Message}}
	byFile := map[string]int{} // file name -> index in ArtifactChanges
	for _, e := range fix.TextEdits {
		file := fset.File(e.Pos)
		if file == nil {
			return sarifFix{}, false
		}
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		start, stop := fset.PositionFor(e.Pos, false), fset.PositionFor(end, false)
		i, ok := byFile[file.Name()]
		if !ok {
			i = len(sf.ArtifactChanges)
			byFile[file.Name()] = i
			sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: in.artifact(file.Name())})
		}
		rep := sarifReplacement{DeletedRegion: *in.region(start, stop)}
		if len(e.NewText) > 0 {
			rep.InsertedContent = &sarifMessage{Text: string(e.NewText)}
		}
		sf.ArtifactChanges[i].Replacements = append(sf.ArtifactChanges[i].Replacements, rep)
	}
	return sf, len(sf.ArtifactChanges) > 0
}

// errorPosition matches the position that starts a compiler-style error
// message: "file.go:12:7: message".
var errorPosition = regexp.MustCompile(`^(.+\.go):(\d+):(\d+): `)

// notification reports a package error, with its position when the
// message starts with one.
func (in sarifInput) notification(e pkgError) sarifNotification {
	n := sarifNotification{
		Level:      "error",
		Message:    sarifMessage{Text: e.msg},
		Properties: map[string]string{"package": e.pkg},
	}
	if m := errorPosition.FindStringSubmatch(e.msg); m != nil {
		name := m[1]
		if !filepath.IsAbs(name) {
			name = filepath.Join(in.cwd, name)
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		p := token.Position{Filename: name, Line: line, Column: col}
		q := p
		q.Column = tokenEnd(in.src.line(name, line), col)
		n.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
			ArtifactLocation: in.artifact(name),
			Region:           in.region(p, q),
		}}}
	}
	return n
}

// sarifRuleFor describes a rule (or the directive check) from its doc.
func sarifRuleFor(a *analysis.Analyzer) sarifRule {
	summary := analyzers.Entry{Analyzer: a}.Summary()
	help := a.URL
	if help == "" {
		help = fmt.Sprintf(rulePageURL, a.Name)
	}
	return sarifRule{
		ID:                   a.Name,
		Name:                 friendlyName(summary),
		ShortDescription:     sarifMessage{Text: truncateText(upperFirst(summary), maxDescription)},
		FullDescription:      sarifMessage{Text: fullDescription(a.Doc, summary)},
		Help:                 sarifMultiformat{Text: a.Doc, Markdown: docgen.DocMarkdown(a.Doc)},
		HelpURI:              help,
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel},
		Properties:           sarifRuleProperties{Tags: []string{"opentelemetry", "tracing"}},
	}
}

// friendlyName turns a rule summary ("check that every started span is
// ended on every path") into the Pascal-case identifier that SARIF
// recommends for a rule's name ("EveryStartedSpanIsEndedOnEveryPath"),
// distinct from its id, as SARIF requires. The "check that" that opens
// every summary says nothing and is dropped.
func friendlyName(summary string) string {
	words := strings.FieldsFunc(summary, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) > 1 && strings.EqualFold(words[0], "check") {
		words = words[1:]
		if len(words) > 1 && strings.EqualFold(words[0], "that") {
			words = words[1:]
		}
	}
	var b strings.Builder
	for _, w := range words {
		b.WriteString(upperFirst(w))
	}
	return truncateText(b.String(), 255) // GitHub's limit on a rule name
}

// fullDescription returns the prose that opens a rule's doc after the
// summary (why the rule matters), as plain text with each paragraph on one
// line, within GitHub's limit of 1024 characters. It stops before the
// first code block, heading or "Bad:" label.
func fullDescription(doc, summary string) string {
	_, body, _ := strings.Cut(doc, "\n")
	var out string
	for _, para := range strings.Split(strings.TrimSpace(body), "\n\n") {
		if para == "" || strings.HasPrefix(para, "\t") || strings.HasPrefix(para, "#") || strings.HasSuffix(para, ":") {
			break
		}
		para = strings.Join(strings.Fields(para), " ")
		next := para
		if out != "" {
			next = out + "\n\n" + para
		}
		if len([]rune(next)) > maxDescription {
			if out == "" {
				out = truncateText(para, maxDescription)
			}
			break
		}
		out = next
	}
	if out == "" {
		out = upperFirst(summary) + "."
	}
	return out
}

// truncateText shortens s to at most n characters, at the end of a
// sentence when there is one, else at a word boundary with an ellipsis.
func truncateText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, ". "); i > 0 {
		return cut[:i+1]
	}
	cut = string(r[:n-1])
	if i := strings.LastIndex(cut, " "); i > 0 {
		cut = cut[:i]
	}
	return cut + "…"
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// fileURI returns the file URI of an absolute path.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: /C:/...
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
