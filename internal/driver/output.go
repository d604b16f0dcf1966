package driver

import (
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"strings"

	"github.com/otellint/otellint/analyzers"
)

// The JSON tree of the go/analysis drivers:
// {"pkgID": {"rule": [diagnostic...]}} or {"pkgID": {"rule": {"error": "..."}}}.
// The shapes follow x/tools' JSONDiagnostic, JSONSuggestedFix, JSONTextEdit
// and JSONRelatedInformation (internal/analysis/driverutil), with paths
// relative to the working directory and the rule's docs URL added.
type jsonDiagnostic struct {
	Category       string             `json:"category,omitempty"`
	Posn           string             `json:"posn"`
	End            string             `json:"end"` // Posn when the diagnostic has no end
	Message        string             `json:"message"`
	URL            string             `json:"url,omitempty"`
	SuggestedFixes []jsonSuggestedFix `json:"suggested_fixes,omitempty"`
	Related        []jsonRelatedInfo  `json:"related,omitempty"`
}

type jsonSuggestedFix struct {
	Message string         `json:"message"`
	Edits   []jsonTextEdit `json:"edits"`
}

type jsonTextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelatedInfo struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

func printJSON(w io.Writer, cwd string, findings []finding, errs []pkgError) error {
	tree := map[string]map[string]any{}
	for _, f := range findings {
		fset := f.act.Package.Fset
		pos := func(p token.Pos) string {
			x := fset.Position(p)
			x.Filename = relPath(cwd, x.Filename)
			return x.String()
		}
		d := f.diag
		jd := jsonDiagnostic{
			Category: d.Category,
			Posn:     pos(d.Pos),
			End:      pos(cmp.Or(d.End, d.Pos)),
			Message:  d.Message,
			URL:      d.URL,
		}
		for _, fix := range d.SuggestedFixes {
			jf := jsonSuggestedFix{Message: fix.Message}
			for _, e := range fix.TextEdits {
				file := fset.File(e.Pos)
				end := e.End
				if !end.IsValid() {
					end = e.Pos
				}
				jf.Edits = append(jf.Edits, jsonTextEdit{
					Filename: relPath(cwd, file.Name()),
					Start:    file.Offset(e.Pos),
					End:      file.Offset(end),
					New:      string(e.NewText),
				})
			}
			jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
		}
		for _, r := range d.Related {
			jd.Related = append(jd.Related, jsonRelatedInfo{Posn: pos(r.Pos), End: pos(cmp.Or(r.End, r.Pos)), Message: r.Message})
		}
		m := tree[f.pkg]
		if m == nil {
			m = map[string]any{}
			tree[f.pkg] = m
		}
		list, _ := m[f.rule.Name].([]jsonDiagnostic)
		m[f.rule.Name] = append(list, jd)
	}
	// A rule that failed on a package: {"pkg": {"rule": {"error": "..."}}},
	// as the go/analysis drivers print it. A package that failed to load
	// or type-check, or that a failed dependency kept from being analysed,
	// has one error for all rules: {"pkg": {"otellint": {"error": "..."}}}
	// (in place of the directive check's findings, if it has any).
	msgs := map[string]map[string][]string{}
	var order []string
	for _, e := range errs {
		if msgs[e.pkg] == nil {
			order = append(order, e.pkg)
			msgs[e.pkg] = map[string][]string{}
		}
		key := e.rule
		if key == "" {
			key = analyzers.Directives.Name
		}
		msgs[e.pkg][key] = append(msgs[e.pkg][key], e.msg)
	}
	for _, pkg := range order {
		m := tree[pkg]
		if m == nil {
			m = map[string]any{}
			tree[pkg] = m
		}
		for key, list := range msgs[pkg] {
			m[key] = map[string]string{"error": strings.Join(list, "\n")}
		}
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
