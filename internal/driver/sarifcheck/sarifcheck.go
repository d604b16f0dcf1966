// Package sarifcheck checks a SARIF log the way its consumers would: against
// the OASIS SARIF 2.1.0 JSON schema, and against the rules GitHub code
// scanning applies when it ingests a log. The tests of the otellint driver
// use it on otellint's -sarif output; nothing in the otellint binary
// imports it.
//
// The GitHub rules are those of the SARIF validator (microsoft/sarif-sdk,
// Multitool "GitHub" rule kind: GH1001 to GH1007, GH1011 to GH1018,
// GH2012), plus the limits and required properties that GitHub's "SARIF
// support for code scanning" page states and the validator does not
// check, and the few general SARIF rules (SARIF1001, SARIF1004,
// SARIF1007, SARIF1009, SARIF1010) that a careful producer also meets.
// Each rule is one function, named after the rule, that returns the
// problems it finds; the rule texts here are otellint's own paraphrase.
package sarifcheck

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The OASIS SARIF 2.1.0 schema (errata 01), see testdata/README.md.
//
//go:embed testdata/sarif-schema-2.1.0.json
var schemaJSON []byte

const schemaURL = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// ValidateSchema validates a SARIF log against the SARIF 2.1.0 JSON
// schema, formats (uri, uri-reference, date-time) included.
func ValidateSchema(data []byte) error {
	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return fmt.Errorf("reading the SARIF schema: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(schemaURL, schemaDoc); err != nil {
		return err
	}
	sch, err := c.Compile(schemaURL)
	if err != nil {
		return fmt.Errorf("compiling the SARIF schema: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("the log is not JSON: %v", err)
	}
	return sch.Validate(inst)
}

// A Problem is one violation of one rule.
type Problem struct {
	Rule string // "GH1001", "GitHubDocs", "SARIF1001", ...
	Path string // where, as a JSON-pointer-like path: /runs/0/results/3
	Msg  string
}

func (p Problem) String() string { return p.Rule + " " + p.Path + ": " + p.Msg }

// Check decodes a SARIF log and runs every rule on it.
func Check(data []byte) ([]Problem, error) {
	var log Log
	if err := json.Unmarshal(data, &log); err != nil {
		return nil, err
	}
	var all []Problem
	for _, rule := range Rules {
		all = append(all, rule.Check(&log)...)
	}
	return all, nil
}

// A Rule is one check.
type Rule struct {
	ID, Name string
	Check    func(*Log) []Problem
}

// Rules lists every check, GitHub's first.
var Rules = []Rule{
	{"GH1001", "ProvideRequiredLocationProperties", GH1001ProvideRequiredLocationProperties},
	{"GH1002", "InlineThreadFlowLocations", GH1002InlineThreadFlowLocations},
	{"GH1003", "ProvideRequiredRegionProperties", GH1003ProvideRequiredRegionProperties},
	{"GH1004", "ReviewArraysThatExceedConfigurableDefaults", GH1004ReviewArraysThatExceedConfigurableDefaults},
	{"GH1005", "LocationsMustBeRelativeUrisOrFilePaths", GH1005LocationsMustBeRelativeUrisOrFilePaths},
	{"GH1006", "ProvideCheckoutPath", GH1006ProvideCheckoutPath},
	{"GH1007", "ProvideFullyFormattedMessageStrings", GH1007ProvideFullyFormattedMessageStrings},
	{"GH1007", "ProvideRequiredRelatedLocationProperties", GH1007ProvideRequiredRelatedLocationProperties},
	{"GH1011", "ReferenceFinalSchema", GH1011ReferenceFinalSchema},
	{"GH1013", "ProvideRequiredSarifLogProperties", GH1013ProvideRequiredSarifLogProperties},
	{"GH1014", "ProvideRequiredRunProperties", GH1014ProvideRequiredRunProperties},
	{"GH1015", "ProvideRequiredResultProperties", GH1015ProvideRequiredResultProperties},
	{"GH1016", "ProvideRequiredLocationProperties", GH1016ProvideRequiredLocationProperties},
	{"GH1017", "ProvideRequiredPhysicalLocationProperties", GH1017ProvideRequiredPhysicalLocationProperties},
	{"GH1018", "ProvideRequiredToolProperties", GH1018ProvideRequiredToolProperties},
	{"GH2012", "ProvideRequiredReportingDescriptorProperties", GH2012ProvideRequiredReportingDescriptorProperties},
	{"GitHubDocs", "RequiredPropertiesAndLimits", GitHubDocsRequiredPropertiesAndLimits},
	{"SARIF1001", "RuleIdentifiersMustBeValid", SARIF1001RuleIdentifiersMustBeValid},
	{"SARIF1004", "ExpressUriBaseIdsCorrectly", SARIF1004ExpressURIBaseIDsCorrectly},
	{"SARIF1007", "RegionPropertiesMustBeConsistent", SARIF1007RegionPropertiesMustBeConsistent},
	{"SARIF1009", "IndexPropertiesMustBeConsistentWithArrays", SARIF1009IndexPropertiesMustBeConsistentWithArrays},
	{"SARIF1010", "RuleIdMustBeConsistent", SARIF1010RuleIDMustBeConsistent},
}

// The log model: only what the rules read. Pointers and slices tell an
// absent property (nil) from an empty one.

type Log struct {
	Schema  *string `json:"$schema"`
	Version *string `json:"version"`
	Runs    *[]Run  `json:"runs"`
}

type Run struct {
	Tool               *Tool                        `json:"tool"`
	Results            *[]Result                    `json:"results"`
	Invocations        []Invocation                 `json:"invocations"`
	OriginalURIBaseIDs map[string]*ArtifactLocation `json:"originalUriBaseIds"`
}

type Tool struct {
	Driver     *Component  `json:"driver"`
	Extensions []Component `json:"extensions"`
}

type Component struct {
	Name  *string                `json:"name"`
	Rules *[]ReportingDescriptor `json:"rules"`
}

type ReportingDescriptor struct {
	ID               *string       `json:"id"`
	Name             *string       `json:"name"`
	ShortDescription *Message      `json:"shortDescription"`
	FullDescription  *Message      `json:"fullDescription"`
	Help             *Message      `json:"help"`
	HelpURI          *string       `json:"helpUri"`
	Properties       *RuleProperty `json:"properties"`
}

type RuleProperty struct {
	Tags []string `json:"tags"`
}

type Message struct {
	Text *string `json:"text"`
	ID   *string `json:"id"`
}

type Result struct {
	RuleID              *string               `json:"ruleId"`
	RuleIndex           *int                  `json:"ruleIndex"`
	Rule                *struct{ ID *string } `json:"rule"`
	Level               *string               `json:"level"`
	Message             *Message              `json:"message"`
	Locations           *[]Location           `json:"locations"`
	RelatedLocations    []Location            `json:"relatedLocations"`
	PartialFingerprints map[string]string     `json:"partialFingerprints"`
	CodeFlows           []CodeFlow            `json:"codeFlows"`
}

type CodeFlow struct {
	ThreadFlows []struct {
		Locations []struct {
			Index    *int      `json:"index"`
			Location *Location `json:"location"`
		} `json:"locations"`
	} `json:"threadFlows"`
}

type Location struct {
	ID               *int              `json:"id"`
	PhysicalLocation *PhysicalLocation `json:"physicalLocation"`
	Message          *Message          `json:"message"`
}

type PhysicalLocation struct {
	ArtifactLocation *ArtifactLocation `json:"artifactLocation"`
	Region           *Region           `json:"region"`
}

type ArtifactLocation struct {
	URI       *string `json:"uri"`
	URIBaseID *string `json:"uriBaseId"`
}

type Region struct {
	StartLine   *int `json:"startLine"`
	StartColumn *int `json:"startColumn"`
	EndLine     *int `json:"endLine"`
	EndColumn   *int `json:"endColumn"`
	CharOffset  *int `json:"charOffset"`
	ByteOffset  *int `json:"byteOffset"`
}

type Invocation struct {
	WorkingDirectory *ArtifactLocation `json:"workingDirectory"`
}

// Walking the log.

func (l *Log) runs() []Run {
	if l.Runs == nil {
		return nil
	}
	return *l.Runs
}

func (r *Run) results() []Result {
	if r.Results == nil {
		return nil
	}
	return *r.Results
}

func (r *Result) locations() []Location {
	if r.Locations == nil {
		return nil
	}
	return *r.Locations
}

func (c *Component) rules() []ReportingDescriptor {
	if c == nil || c.Rules == nil {
		return nil
	}
	return *c.Rules
}

// eachResult calls f for every result with its path.
func eachResult(l *Log, f func(run *Run, res *Result, path string)) {
	for i, run := range l.runs() {
		for j, res := range run.results() {
			f(&run, &res, fmt.Sprintf("/runs/%d/results/%d", i, j))
		}
	}
}

// eachLocation calls f for every location and related location of every
// result.
func eachLocation(l *Log, f func(run *Run, loc *Location, path string, related bool)) {
	eachResult(l, func(run *Run, res *Result, path string) {
		for k, loc := range res.locations() {
			f(run, &loc, fmt.Sprintf("%s/locations/%d", path, k), false)
		}
		for k, loc := range res.RelatedLocations {
			f(run, &loc, fmt.Sprintf("%s/relatedLocations/%d", path, k), true)
		}
	})
}

func blank(s *string) bool { return s == nil || strings.TrimSpace(*s) == "" }

func text(m *Message) *string {
	if m == nil {
		return nil
	}
	return m.Text
}

func problem(rule, path, format string, args ...any) Problem {
	return Problem{Rule: rule, Path: path, Msg: fmt.Sprintf(format, args...)}
}

// GH1001ProvideRequiredLocationProperties: every result has a non-empty
// locations array, and each of its locations and related locations gives
// physicalLocation.artifactLocation.uri; GitHub does not display a result
// whose file it cannot tell.
func GH1001ProvideRequiredLocationProperties(l *Log) []Problem {
	var ps []Problem
	eachResult(l, func(_ *Run, res *Result, path string) {
		switch {
		case res.Locations == nil:
			ps = append(ps, problem("GH1001", path, "the 'locations' property is absent"))
		case len(*res.Locations) == 0:
			ps = append(ps, problem("GH1001", path+"/locations", "the 'locations' array is empty"))
		}
	})
	eachLocation(l, func(_ *Run, loc *Location, path string, _ bool) {
		switch {
		case loc.PhysicalLocation == nil:
			ps = append(ps, problem("GH1001", path, "'physicalLocation' is absent"))
		case loc.PhysicalLocation.ArtifactLocation == nil:
			ps = append(ps, problem("GH1001", path+"/physicalLocation", "'artifactLocation' is absent"))
		case loc.PhysicalLocation.ArtifactLocation.URI == nil:
			ps = append(ps, problem("GH1001", path+"/physicalLocation/artifactLocation", "'uri' is absent"))
		}
	})
	return ps
}

// GH1002InlineThreadFlowLocations: thread flow locations are given inline,
// not by an index into run.threadFlowLocations, which GitHub does not
// resolve.
func GH1002InlineThreadFlowLocations(l *Log) []Problem {
	var ps []Problem
	eachResult(l, func(_ *Run, res *Result, path string) {
		for i, cf := range res.CodeFlows {
			for j, tf := range cf.ThreadFlows {
				for k, tfl := range tf.Locations {
					if tfl.Index != nil {
						ps = append(ps, problem("GH1002", fmt.Sprintf("%s/codeFlows/%d/threadFlows/%d/locations/%d", path, i, j, k), "threadFlowLocation uses 'index'"))
					}
				}
			}
		}
	})
	return ps
}

// GH1003ProvideRequiredRegionProperties: every result location has a
// region with a startLine; GitHub cannot place a result without one.
func GH1003ProvideRequiredRegionProperties(l *Log) []Problem {
	var ps []Problem
	eachLocation(l, func(_ *Run, loc *Location, path string, related bool) {
		if related || loc.PhysicalLocation == nil {
			return // related locations: GH1017; no physicalLocation: GH1001
		}
		switch r := loc.PhysicalLocation.Region; {
		case r == nil:
			ps = append(ps, problem("GH1003", path+"/physicalLocation", "the 'region' property is absent"))
		case r.StartLine == nil || *r.StartLine < 1:
			ps = append(ps, problem("GH1003", path+"/physicalLocation/region", "the 'startLine' property is absent"))
		}
	})
	return ps
}

// Limits of GH1004: the defaults past which the validator asks for a
// review because GitHub displays no more.
const (
	maxRunsPerLog              = 5
	maxRulesPerRun             = 1000
	maxResultsPerRun           = 1000
	maxLocationsPerResult      = 10
	maxCodeFlowsPerResult      = 100
	maxLocationsPerThreadFlows = 100
)

// GH1004ReviewArraysThatExceedConfigurableDefaults: runs, rules, results,
// locations, code flows and thread flow locations stay within the sizes
// GitHub displays by default.
func GH1004ReviewArraysThatExceedConfigurableDefaults(l *Log) []Problem {
	var ps []Problem
	check := func(n, limit int, path string) {
		if n > limit {
			ps = append(ps, problem("GH1004", path, "%d elements, over the default limit of %d", n, limit))
		}
	}
	check(len(l.runs()), maxRunsPerLog, "/runs")
	for i, run := range l.runs() {
		if run.Tool != nil {
			check(len(run.Tool.Driver.rules()), maxRulesPerRun, fmt.Sprintf("/runs/%d/tool/driver/rules", i))
		}
		check(len(run.results()), maxResultsPerRun, fmt.Sprintf("/runs/%d/results", i))
	}
	eachResult(l, func(_ *Run, res *Result, path string) {
		check(len(res.locations()), maxLocationsPerResult, path+"/locations")
		check(len(res.CodeFlows), maxCodeFlowsPerResult, path+"/codeFlows")
		for i, cf := range res.CodeFlows {
			for j, tf := range cf.ThreadFlows {
				check(len(tf.Locations), maxLocationsPerThreadFlows, fmt.Sprintf("%s/codeFlows/%d/threadFlows/%d/locations", path, i, j))
			}
		}
	})
	return ps
}

// GH1005LocationsMustBeRelativeUrisOrFilePaths: a location's URI is a
// relative reference or a file URI (or lies under a working directory);
// GitHub shows results in files only.
func GH1005LocationsMustBeRelativeUrisOrFilePaths(l *Log) []Problem {
	var ps []Problem
	eachLocation(l, func(run *Run, loc *Location, path string, _ bool) {
		u := locationURI(loc)
		if u == nil {
			return // GH1001
		}
		if u.IsAbs() && u.Scheme != "file" && !underWorkingDirectory(run, u.String()) {
			ps = append(ps, problem("GH1005", path, "%q is not a file path", u))
		}
	})
	return ps
}

// GH1006ProvideCheckoutPath: an absolute file URI lies under a working
// directory of the run, from which GitHub makes it repository-relative;
// otherwise GitHub rejects the log.
func GH1006ProvideCheckoutPath(l *Log) []Problem {
	var ps []Problem
	eachLocation(l, func(run *Run, loc *Location, path string, _ bool) {
		u := locationURI(loc)
		if u != nil && u.IsAbs() && u.Scheme == "file" && !underWorkingDirectory(run, u.String()) {
			ps = append(ps, problem("GH1006", path, "absolute file URI %q outside every invocations[].workingDirectory", u))
		}
	})
	return ps
}

func locationURI(loc *Location) *url.URL {
	if loc.PhysicalLocation == nil || loc.PhysicalLocation.ArtifactLocation == nil || loc.PhysicalLocation.ArtifactLocation.URI == nil {
		return nil
	}
	u, err := url.Parse(*loc.PhysicalLocation.ArtifactLocation.URI)
	if err != nil {
		return &url.URL{Scheme: "invalid", Opaque: *loc.PhysicalLocation.ArtifactLocation.URI}
	}
	return u
}

func underWorkingDirectory(run *Run, uri string) bool {
	for _, inv := range run.Invocations {
		if inv.WorkingDirectory == nil || inv.WorkingDirectory.URI == nil {
			continue
		}
		wd := *inv.WorkingDirectory.URI
		if u, err := url.Parse(wd); err != nil || !u.IsAbs() {
			continue
		}
		if !strings.HasSuffix(wd, "/") {
			wd += "/"
		}
		if strings.HasPrefix(uri, wd) {
			return true
		}
	}
	return false
}

// GH1007ProvideFullyFormattedMessageStrings: a result message carries its
// text; GitHub does not look messages up by id and arguments.
func GH1007ProvideFullyFormattedMessageStrings(l *Log) []Problem {
	var ps []Problem
	eachResult(l, func(_ *Run, res *Result, path string) {
		if res.Message != nil && (res.Message.Text == nil || *res.Message.Text == "") {
			ps = append(ps, problem("GH1007", path+"/message", "the message has no 'text'"))
		}
	})
	return ps
}

// GH1007ProvideRequiredRelatedLocationProperties: every related location
// has a message (GitHub rejects the whole log otherwise).
func GH1007ProvideRequiredRelatedLocationProperties(l *Log) []Problem {
	var ps []Problem
	eachLocation(l, func(_ *Run, loc *Location, path string, related bool) {
		if related && loc.Message == nil {
			ps = append(ps, problem("GH1007", path, "the related location has no 'message'"))
		}
	})
	return ps
}

// GH1011ReferenceFinalSchema: $schema names the final SARIF 2.1.0 schema.
func GH1011ReferenceFinalSchema(l *Log) []Problem {
	if l.Schema == nil {
		return nil // GH1013
	}
	for _, suffix := range []string{"2.1.0", "2.1.0.json", "2.1.0-rtm.6", "2.1.0-rtm.6.json"} {
		if strings.HasSuffix(*l.Schema, suffix) {
			return nil
		}
	}
	return []Problem{problem("GH1011", "/$schema", "%q is not the final SARIF 2.1.0 schema", *l.Schema)}
}

// GH1013ProvideRequiredSarifLogProperties: the log has $schema, version
// 2.1.0 and a runs array of at most 20 runs.
func GH1013ProvideRequiredSarifLogProperties(l *Log) []Problem {
	var ps []Problem
	if l.Runs == nil {
		return []Problem{problem("GH1013", "", "the 'runs' array is absent")}
	}
	if l.Schema == nil {
		ps = append(ps, problem("GH1013", "", "the '$schema' property is absent"))
	}
	if l.Version == nil || *l.Version != "2.1.0" {
		ps = append(ps, problem("GH1013", "/version", "the version is not 2.1.0"))
	}
	if n := len(*l.Runs); n > 20 {
		ps = append(ps, problem("GH1013", "/runs", "%d runs, over GitHub's limit of 20", n))
	}
	return ps
}

// GH1014ProvideRequiredRunProperties: every run has a tool and a results
// array (empty when there are none).
func GH1014ProvideRequiredRunProperties(l *Log) []Problem {
	var ps []Problem
	for i, run := range l.runs() {
		path := fmt.Sprintf("/runs/%d", i)
		if run.Results == nil {
			ps = append(ps, problem("GH1014", path, "the 'results' array is absent"))
		}
		if run.Tool == nil {
			ps = append(ps, problem("GH1014", path, "the 'tool' property is absent"))
		}
	}
	return ps
}

// GH1015ProvideRequiredResultProperties: every result has a message with
// text, a non-empty locations array and partialFingerprints.
func GH1015ProvideRequiredResultProperties(l *Log) []Problem {
	var ps []Problem
	eachResult(l, func(_ *Run, res *Result, path string) {
		switch {
		case res.Message == nil:
			ps = append(ps, problem("GH1015", path, "the 'message' property is absent"))
		case blank(res.Message.Text):
			ps = append(ps, problem("GH1015", path+"/message", "the message has no text"))
		}
		if len(res.locations()) == 0 {
			ps = append(ps, problem("GH1015", path, "the 'locations' array is absent or empty"))
		}
		if res.PartialFingerprints == nil {
			ps = append(ps, problem("GH1015", path, "the 'partialFingerprints' property is absent"))
		}
	})
	return ps
}

// GH1016ProvideRequiredLocationProperties: every location has a
// physicalLocation.
func GH1016ProvideRequiredLocationProperties(l *Log) []Problem {
	var ps []Problem
	eachLocation(l, func(_ *Run, loc *Location, path string, _ bool) {
		if loc.PhysicalLocation == nil {
			ps = append(ps, problem("GH1016", path, "the 'physicalLocation' property is absent"))
		}
	})
	return ps
}

// GH1017ProvideRequiredPhysicalLocationProperties: every physical location
// has an artifactLocation with a uri and a consistent region that starts
// at a line (or an offset).
func GH1017ProvideRequiredPhysicalLocationProperties(l *Log) []Problem {
	var ps []Problem
	eachLocation(l, func(_ *Run, loc *Location, path string, _ bool) {
		pl := loc.PhysicalLocation
		if pl == nil {
			return // GH1016
		}
		path += "/physicalLocation"
		switch {
		case pl.ArtifactLocation == nil:
			ps = append(ps, problem("GH1017", path, "the 'artifactLocation' property is absent"))
		case pl.ArtifactLocation.URI == nil:
			ps = append(ps, problem("GH1017", path+"/artifactLocation", "the 'uri' property is absent"))
		}
		r := pl.Region
		if r == nil {
			ps = append(ps, problem("GH1017", path, "the 'region' property is absent"))
			return
		}
		if r.StartLine == nil && r.CharOffset == nil && r.ByteOffset == nil {
			ps = append(ps, problem("GH1017", path+"/region", "the region has no startLine, charOffset or byteOffset"))
		}
		ps = append(ps, regionConsistency("GH1017", path+"/region", r)...)
	})
	return ps
}

// GH1018ProvideRequiredToolProperties: the tool has a driver with a name
// and a rules array.
func GH1018ProvideRequiredToolProperties(l *Log) []Problem {
	var ps []Problem
	for i, run := range l.runs() {
		path := fmt.Sprintf("/runs/%d/tool", i)
		switch {
		case run.Tool == nil:
			continue // GH1014
		case run.Tool.Driver == nil:
			ps = append(ps, problem("GH1018", path, "the 'driver' property is absent"))
			continue
		}
		if blank(run.Tool.Driver.Name) {
			ps = append(ps, problem("GH1018", path+"/driver", "the driver has no name"))
		}
		if run.Tool.Driver.Rules == nil {
			ps = append(ps, problem("GH1018", path+"/driver", "the 'rules' array is absent"))
		}
	}
	return ps
}

// eachRule calls f for every rule of every run's driver.
func eachRule(l *Log, f func(rd *ReportingDescriptor, path string)) {
	for i, run := range l.runs() {
		if run.Tool == nil {
			continue
		}
		for j, rd := range run.Tool.Driver.rules() {
			f(&rd, fmt.Sprintf("/runs/%d/tool/driver/rules/%d", i, j))
		}
	}
}

// GH2012ProvideRequiredReportingDescriptorProperties: every rule has a
// short description, a full description and help text, which GitHub
// shows with each alert.
func GH2012ProvideRequiredReportingDescriptorProperties(l *Log) []Problem {
	var ps []Problem
	eachRule(l, func(rd *ReportingDescriptor, path string) {
		if blank(text(rd.ShortDescription)) {
			ps = append(ps, problem("GH2012", path, "no shortDescription text"))
		}
		if blank(text(rd.FullDescription)) {
			ps = append(ps, problem("GH2012", path, "no fullDescription text"))
		}
		switch {
		case rd.Help == nil:
			ps = append(ps, problem("GH2012", path, "the 'help' property is absent"))
		case blank(rd.Help.Text):
			ps = append(ps, problem("GH2012", path+"/help", "no help text"))
		}
	})
	return ps
}

// GitHubDocsRequiredPropertiesAndLimits checks what GitHub's "SARIF
// support for code scanning" page requires beyond the validator's rules:
// a rule's name is at most 255 characters and its descriptions at most
// 1024; a rule has at most 20 tags; levels are note, warning or error
// (or none); a result has at most 1000 locations and carries the
// primaryLocationLineHash fingerprint, the one GitHub reads; regions give
// startLine, startColumn, endLine and endColumn.
func GitHubDocsRequiredPropertiesAndLimits(l *Log) []Problem {
	const rule = "GitHubDocs"
	var ps []Problem
	eachRule(l, func(rd *ReportingDescriptor, path string) {
		if rd.Name != nil && utf8.RuneCountInString(*rd.Name) > 255 {
			ps = append(ps, problem(rule, path+"/name", "longer than 255 characters"))
		}
		for name, m := range map[string]*Message{"shortDescription": rd.ShortDescription, "fullDescription": rd.FullDescription} {
			if t := text(m); t != nil && utf8.RuneCountInString(*t) > 1024 {
				ps = append(ps, problem(rule, path+"/"+name, "longer than 1024 characters"))
			}
		}
		if rd.Properties != nil && len(rd.Properties.Tags) > 20 {
			ps = append(ps, problem(rule, path+"/properties/tags", "%d tags, over the limit of 20", len(rd.Properties.Tags)))
		}
	})
	eachResult(l, func(_ *Run, res *Result, path string) {
		if res.Level != nil {
			switch *res.Level {
			case "none", "note", "warning", "error":
			default:
				ps = append(ps, problem(rule, path+"/level", "unknown level %q", *res.Level))
			}
		}
		if n := len(res.locations()); n > 1000 {
			ps = append(ps, problem(rule, path+"/locations", "%d locations, over the limit of 1000", n))
		}
		if res.PartialFingerprints["primaryLocationLineHash"] == "" {
			ps = append(ps, problem(rule, path+"/partialFingerprints", "no primaryLocationLineHash"))
		}
	})
	eachLocation(l, func(_ *Run, loc *Location, path string, _ bool) {
		if loc.PhysicalLocation == nil || loc.PhysicalLocation.Region == nil {
			return // GH1017
		}
		r := loc.PhysicalLocation.Region
		if r.StartLine == nil || r.StartColumn == nil || r.EndLine == nil || r.EndColumn == nil {
			ps = append(ps, problem(rule, path+"/physicalLocation/region", "startLine, startColumn, endLine and endColumn are all required"))
		}
	})
	return ps
}

// SARIF1001RuleIdentifiersMustBeValid: a rule's name, when present,
// differs from its id (the id is an opaque identifier, the name a friendly
// one).
func SARIF1001RuleIdentifiersMustBeValid(l *Log) []Problem {
	var ps []Problem
	eachRule(l, func(rd *ReportingDescriptor, path string) {
		if rd.ID == nil || *rd.ID == "" {
			ps = append(ps, problem("SARIF1001", path, "the rule has no id"))
		} else if rd.Name != nil && *rd.Name == *rd.ID {
			ps = append(ps, problem("SARIF1001", path, "the rule's name equals its id"))
		}
	})
	return ps
}

// SARIF1004ExpressURIBaseIDsCorrectly: an artifact location with a
// uriBaseId has a relative uri, and the run's originalUriBaseIds define it
// as an absolute URI that ends with a slash.
func SARIF1004ExpressURIBaseIDsCorrectly(l *Log) []Problem {
	var ps []Problem
	for i, run := range l.runs() {
		for id, al := range run.OriginalURIBaseIDs {
			path := fmt.Sprintf("/runs/%d/originalUriBaseIds/%s", i, id)
			if al == nil || al.URI == nil {
				continue // the base is left to the consumer
			}
			u, err := url.Parse(*al.URI)
			if al.URIBaseID == nil && (err != nil || !u.IsAbs()) {
				ps = append(ps, problem("SARIF1004", path, "top-level base %q is not an absolute URI", *al.URI))
			}
			if !strings.HasSuffix(*al.URI, "/") {
				ps = append(ps, problem("SARIF1004", path, "base %q does not end with a slash", *al.URI))
			}
		}
	}
	eachLocation(l, func(run *Run, loc *Location, path string, _ bool) {
		if loc.PhysicalLocation == nil || loc.PhysicalLocation.ArtifactLocation == nil {
			return
		}
		al := loc.PhysicalLocation.ArtifactLocation
		if al.URIBaseID == nil {
			return
		}
		if u := locationURI(loc); u != nil && u.IsAbs() {
			ps = append(ps, problem("SARIF1004", path, "uriBaseId %q with the absolute URI %q", *al.URIBaseID, u))
		}
		if _, ok := run.OriginalURIBaseIDs[*al.URIBaseID]; !ok {
			ps = append(ps, problem("SARIF1004", path, "uriBaseId %q is not in originalUriBaseIds", *al.URIBaseID))
		}
	})
	return ps
}

// SARIF1007RegionPropertiesMustBeConsistent: a region does not end before
// it starts.
func SARIF1007RegionPropertiesMustBeConsistent(l *Log) []Problem {
	var ps []Problem
	eachLocation(l, func(_ *Run, loc *Location, path string, _ bool) {
		if loc.PhysicalLocation != nil && loc.PhysicalLocation.Region != nil {
			ps = append(ps, regionConsistency("SARIF1007", path+"/physicalLocation/region", loc.PhysicalLocation.Region)...)
		}
	})
	return ps
}

func regionConsistency(rule, path string, r *Region) []Problem {
	var ps []Problem
	if r.StartLine == nil {
		return nil
	}
	endLine := *r.StartLine
	if r.EndLine != nil {
		endLine = *r.EndLine
		if endLine < *r.StartLine {
			ps = append(ps, problem(rule, path, "endLine %d precedes startLine %d", endLine, *r.StartLine))
		}
	}
	if endLine == *r.StartLine && r.StartColumn != nil && r.EndColumn != nil && *r.EndColumn < *r.StartColumn {
		ps = append(ps, problem(rule, path, "endColumn %d precedes startColumn %d", *r.EndColumn, *r.StartColumn))
	}
	return ps
}

// SARIF1009IndexPropertiesMustBeConsistentWithArrays: a result's ruleIndex
// points into the driver's rules.
func SARIF1009IndexPropertiesMustBeConsistentWithArrays(l *Log) []Problem {
	var ps []Problem
	eachResult(l, func(run *Run, res *Result, path string) {
		if res.RuleIndex == nil || *res.RuleIndex < 0 {
			return
		}
		var n int
		if run.Tool != nil {
			n = len(run.Tool.Driver.rules())
		}
		if *res.RuleIndex >= n {
			ps = append(ps, problem("SARIF1009", path+"/ruleIndex", "ruleIndex %d, but the driver has %d rules", *res.RuleIndex, n))
		}
	})
	return ps
}

// SARIF1010RuleIDMustBeConsistent: a result names its rule, and the rule
// at its ruleIndex has that id.
func SARIF1010RuleIDMustBeConsistent(l *Log) []Problem {
	var ps []Problem
	eachResult(l, func(run *Run, res *Result, path string) {
		id := res.RuleID
		if id == nil && res.Rule != nil {
			id = res.Rule.ID
		}
		if id == nil {
			ps = append(ps, problem("SARIF1010", path, "neither 'ruleId' nor 'rule.id'"))
			return
		}
		if res.RuleIndex == nil || run.Tool == nil {
			return
		}
		rules := run.Tool.Driver.rules()
		if i := *res.RuleIndex; i >= 0 && i < len(rules) && (rules[i].ID == nil || *rules[i].ID != *id) {
			ps = append(ps, problem("SARIF1010", path, "ruleId %q, but rule %d is %v", *id, i, rules[i].ID))
		}
	})
	return ps
}
