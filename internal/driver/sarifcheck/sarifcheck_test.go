package sarifcheck_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/otellint/otellint/internal/driver/sarifcheck"
)

// validLog is a small log that meets every rule: the checks must say
// nothing about it, and each mutation below must make exactly the rule it
// targets speak.
const validLog = `{
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [{
    "tool": {"driver": {
      "name": "tool",
      "informationUri": "https://example.com/tool",
      "rules": [{
        "id": "r1",
        "name": "RuleOne",
        "shortDescription": {"text": "Short"},
        "fullDescription": {"text": "Full."},
        "help": {"text": "Help."},
        "helpUri": "https://example.com/r1",
        "properties": {"tags": ["a"]}
      }]
    }},
    "invocations": [{"executionSuccessful": true, "workingDirectory": {"uri": "file:///src/"}}],
    "originalUriBaseIds": {"%SRCROOT%": {"uri": "file:///src/"}},
    "results": [{
      "ruleId": "r1",
      "ruleIndex": 0,
      "level": "error",
      "message": {"text": "bad thing; see [here](1)"},
      "locations": [{"physicalLocation": {
        "artifactLocation": {"uri": "a/b.go", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 3, "startColumn": 2, "endLine": 3, "endColumn": 5}
      }}],
      "relatedLocations": [{"id": 1, "message": {"text": "here"}, "physicalLocation": {
        "artifactLocation": {"uri": "a/b.go", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 2}
      }}],
      "partialFingerprints": {"primaryLocationLineHash": "abc"}
    }],
    "columnKind": "utf16CodeUnits"
  }]
}`

// mutate decodes validLog, applies f and encodes it again.
func mutate(t *testing.T, f func(log map[string]any)) []byte {
	t.Helper()
	var log map[string]any
	if err := json.Unmarshal([]byte(validLog), &log); err != nil {
		t.Fatal(err)
	}
	f(log)
	data, err := json.Marshal(log)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// at walks a path of object keys and array indices ("runs", 0, ...).
func at(v any, path ...any) map[string]any {
	for _, p := range path {
		switch p := p.(type) {
		case string:
			v = v.(map[string]any)[p]
		case int:
			v = v.([]any)[p]
		}
	}
	return v.(map[string]any)
}

func run0(log map[string]any) map[string]any    { return at(log, "runs", 0) }
func result0(log map[string]any) map[string]any { return at(log, "runs", 0, "results", 0) }
func rule0(log map[string]any) map[string]any {
	return at(log, "runs", 0, "tool", "driver", "rules", 0)
}
func loc0(log map[string]any) map[string]any {
	return at(log, "runs", 0, "results", 0, "locations", 0, "physicalLocation")
}
func related0(log map[string]any) map[string]any {
	return at(log, "runs", 0, "results", 0, "relatedLocations", 0)
}

func TestValidLog(t *testing.T) {
	if err := sarifcheck.ValidateSchema([]byte(validLog)); err != nil {
		t.Errorf("schema: %v", err)
	}
	ps, err := sarifcheck.Check([]byte(validLog))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		t.Errorf("unexpected problem: %v", p)
	}
}

func many(n int, v any) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// violations holds, for each rule, logs that break it.
var violations = []struct {
	rule   string
	mutate func(log map[string]any)
}{
	{"GH1001", func(l map[string]any) { delete(result0(l), "locations") }},
	{"GH1001", func(l map[string]any) { result0(l)["locations"] = []any{} }},
	{"GH1001", func(l map[string]any) { delete(at(loc0(l), "artifactLocation"), "uri") }},
	{"GH1002", func(l map[string]any) {
		result0(l)["codeFlows"] = []any{map[string]any{"threadFlows": []any{map[string]any{"locations": []any{map[string]any{"index": 0}}}}}}
	}},
	{"GH1003", func(l map[string]any) { delete(loc0(l), "region") }},
	{"GH1003", func(l map[string]any) { delete(at(loc0(l), "region"), "startLine") }},
	{"GH1004", func(l map[string]any) {
		result0(l)["locations"] = many(11, result0(l)["locations"].([]any)[0])
	}},
	{"GH1005", func(l map[string]any) {
		a := at(loc0(l), "artifactLocation")
		a["uri"] = "https://example.com/a/b.go"
		delete(a, "uriBaseId")
	}},
	{"GH1006", func(l map[string]any) {
		a := at(loc0(l), "artifactLocation")
		a["uri"] = "file:///elsewhere/b.go"
		delete(a, "uriBaseId")
	}},
	{"GH1007", func(l map[string]any) { result0(l)["message"] = map[string]any{"id": "m1"} }},
	{"GH1007", func(l map[string]any) { delete(related0(l), "message") }},
	{"GH1011", func(l map[string]any) { l["$schema"] = "https://example.com/sarif-2.0.0.json" }},
	{"GH1013", func(l map[string]any) { delete(l, "$schema") }},
	{"GH1013", func(l map[string]any) { l["runs"] = many(21, run0(l)) }},
	{"GH1014", func(l map[string]any) { delete(run0(l), "results") }},
	{"GH1015", func(l map[string]any) { delete(result0(l), "partialFingerprints") }},
	{"GH1015", func(l map[string]any) { result0(l)["message"] = map[string]any{"text": " "} }},
	{"GH1016", func(l map[string]any) { delete(related0(l), "physicalLocation") }},
	{"GH1017", func(l map[string]any) {
		r := at(loc0(l), "region")
		r["endLine"] = 2
	}},
	{"GH1017", func(l map[string]any) { delete(at(related0(l), "physicalLocation"), "region") }},
	{"GH1018", func(l map[string]any) { delete(at(run0(l), "tool", "driver"), "rules") }},
	{"GH1018", func(l map[string]any) { at(run0(l), "tool", "driver")["name"] = "" }},
	{"GH2012", func(l map[string]any) { delete(rule0(l), "fullDescription") }},
	{"GH2012", func(l map[string]any) { delete(rule0(l), "help") }},
	{"GitHubDocs", func(l map[string]any) { rule0(l)["name"] = strings.Repeat("N", 256) }},
	{"GitHubDocs", func(l map[string]any) {
		rule0(l)["shortDescription"] = map[string]any{"text": strings.Repeat("x", 1025)}
	}},
	{"GitHubDocs", func(l map[string]any) { result0(l)["partialFingerprints"] = map[string]any{"other": "x"} }},
	{"GitHubDocs", func(l map[string]any) { delete(at(loc0(l), "region"), "endColumn") }},
	{"SARIF1001", func(l map[string]any) { rule0(l)["name"] = "r1" }},
	{"SARIF1004", func(l map[string]any) { at(run0(l), "originalUriBaseIds", "%SRCROOT%")["uri"] = "file:///src" }},
	{"SARIF1004", func(l map[string]any) { at(loc0(l), "artifactLocation")["uriBaseId"] = "%OTHER%" }},
	{"SARIF1007", func(l map[string]any) { at(loc0(l), "region")["endColumn"] = 1 }},
	{"SARIF1009", func(l map[string]any) { result0(l)["ruleIndex"] = 1 }},
	{"SARIF1010", func(l map[string]any) { result0(l)["ruleId"] = "r2" }},
}

// TestRulesCatchViolations: every rule reports the violation made for it
// (tests of the tester, so a passing check on otellint's output means
// something).
func TestRulesCatchViolations(t *testing.T) {
	for _, tc := range violations {
		data := mutate(t, tc.mutate)
		ps, err := sarifcheck.Check(data)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, p := range ps {
			found = found || p.Rule == tc.rule
		}
		if !found {
			t.Errorf("%s not reported for %s; got %v", tc.rule, data, ps)
		}
	}
}

// TestEveryRuleTested: each rule has a violation above.
func TestEveryRuleTested(t *testing.T) {
	tested := map[string]bool{}
	for _, v := range violations {
		tested[v.rule] = true
	}
	for _, r := range sarifcheck.Rules {
		if !tested[r.ID] {
			t.Errorf("rule %s (%s) has no violation in the test table", r.ID, r.Name)
		}
	}
}

func TestSchemaRejects(t *testing.T) {
	for name, f := range map[string]func(map[string]any){
		"no version":       func(l map[string]any) { delete(l, "version") },
		"wrong version":    func(l map[string]any) { l["version"] = "2.0.0" },
		"unknown property": func(l map[string]any) { result0(l)["severity"] = "high" },
		"column zero":      func(l map[string]any) { at(loc0(l), "region")["startColumn"] = 0 },
		"bad level":        func(l map[string]any) { result0(l)["level"] = "fatal" },
		"invalid uri":      func(l map[string]any) { at(run0(l), "invocations", 0, "workingDirectory")["uri"] = "file:///a b/%zz" },
		"no invocation success": func(l map[string]any) {
			delete(at(run0(l), "invocations", 0), "executionSuccessful")
		},
	} {
		if err := sarifcheck.ValidateSchema(mutate(t, f)); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}
