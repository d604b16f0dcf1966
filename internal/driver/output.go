package driver

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"go/format"
	"go/token"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/otellint/otellint/analyzers"
)

func buildVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}

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

// edit is a text edit in byte offsets of one file.
type edit struct {
	start, end int
	text       string
}

// applyFixes applies the first suggested fix of every finding that has one,
// or, with showDiff, prints them as a unified diff. It returns the findings
// left without a fix.
func applyFixes(w io.Writer, cwd string, findings []finding, showDiff bool) ([]finding, error) {
	byFile := map[string][]edit{}
	var unfixed []finding
	for _, f := range findings {
		if len(f.diag.SuggestedFixes) == 0 {
			unfixed = append(unfixed, f)
			continue
		}
		fix := f.diag.SuggestedFixes[0]
		fset := f.act.Package.Fset
		for _, e := range fix.TextEdits {
			file := fset.File(e.Pos)
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			byFile[file.Name()] = append(byFile[file.Name()], edit{file.Offset(e.Pos), file.Offset(end), string(e.NewText)})
		}
	}
	names := make([]string, 0, len(byFile))
	for n := range byFile {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		edits, err := normalize(byFile[name])
		if err != nil {
			return nil, fmt.Errorf("%s: %v", relPath(cwd, name), err)
		}
		out := apply(src, edits)
		if formatted, err := format.Source(out); err == nil {
			out = formatted
		}
		if showDiff {
			rel := relPath(cwd, name)
			io.WriteString(w, unifiedDiff("a/"+rel, "b/"+rel, string(src), string(out)))
			continue
		}
		info, err := os.Stat(name)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(name, out, info.Mode().Perm()); err != nil {
			return nil, err
		}
	}
	return unfixed, nil
}

// normalize sorts edits, drops duplicates (the same fix found through a
// package and its test variant) and rejects overlapping ones.
func normalize(edits []edit) ([]edit, error) {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	var out []edit
	for _, e := range edits {
		if n := len(out); n > 0 {
			last := out[n-1]
			if last == e {
				continue
			}
			if e.start < last.end || (e.start == last.start && e.start == e.end && last.start == last.end) {
				return nil, fmt.Errorf("conflicting fixes at offset %d", e.start)
			}
		}
		out = append(out, e)
	}
	return out, nil
}

func apply(src []byte, edits []edit) []byte {
	var buf bytes.Buffer
	last := 0
	for _, e := range edits {
		buf.Write(src[last:e.start])
		buf.WriteString(e.text)
		last = e.end
	}
	buf.Write(src[last:])
	return buf.Bytes()
}
