// Package docutil extracts an analyzer's documentation from the package
// comment of its doc.go, the one place the user docs are written.
package docutil

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtract returns the text of doc.go's package comment from the heading
// "# Analyzer <name>" on: the summary line ("<name>: ...") first, then the
// rest. It panics if the heading or the summary is missing, which the tests
// catch at once.
func MustExtract(content, name string) string {
	s, err := Extract(content, name)
	if err != nil {
		panic(err)
	}
	return s
}

// Extract is MustExtract returning an error.
func Extract(content, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go for %s has no package comment", name)
	}
	text := f.Doc.Text()
	heading := "# Analyzer " + name + "\n"
	_, after, ok := strings.Cut(text, heading)
	if !ok {
		return "", fmt.Errorf("doc.go for %s lacks heading %q", name, strings.TrimSpace(heading))
	}
	after = strings.TrimLeft(after, "\n")
	if !strings.HasPrefix(after, name+": ") {
		return "", fmt.Errorf("doc.go for %s: the section must start with %q", name, name+": <summary>")
	}
	return strings.TrimRight(after, "\n"), nil
}

// Summary returns the first line of an analyzer's Doc without the name.
func Summary(doc, name string) string {
	line, _, _ := strings.Cut(doc, "\n")
	return strings.TrimPrefix(line, name+": ")
}
