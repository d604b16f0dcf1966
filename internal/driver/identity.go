package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Finding identity
//
// SARIF's partialFingerprints and the baseline file need an identity for a
// finding that survives edits elsewhere in its file (lines inserted above
// it, a function moved) and that tells apart two findings with the same
// message in one file. It is built from what the finding says and what the
// reported line says, never from line or column numbers:
//
//   - the rule, the file's path relative to the working directory (forward
//     slashes), and the message;
//   - the source text of the reported line, trimmed and with runs of white
//     space collapsed, so that re-indenting the line does not change it;
//   - an occurrence index: among the findings of one file with the same
//     rule, message and line text, the first (in position order) is 0, the
//     next 1, and so on.
//
// Changing the reported line, the message or the file's path changes the
// identity: such a finding is new.

// fingerprintKey names otellint's fingerprint in SARIF partialFingerprints
// and versions its computation: a change to what goes into the hash gets a
// new key, so that old and new fingerprints are never compared.
const fingerprintKey = "otellint/v1"

// An identity is what tells one finding from another across runs.
type identity struct {
	Rule       string `json:"rule"`
	File       string `json:"file"` // relative to the working directory, forward slashes
	Message    string `json:"message"`
	Line       string `json:"line"` // the reported line, normalized by normalizeLine
	Occurrence int    `json:"occurrence"`
}

// fingerprint returns a stable hash of the identity: 32 hex digits.
func (id identity) fingerprint() string {
	h := sha256.New()
	for _, s := range []string{fingerprintKey, id.Rule, id.File, id.Message, id.Line, strconv.Itoa(id.Occurrence)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// identities returns the identity of each finding, in the order given,
// which must be position order within each file (collect sorts so).
func identities(cwd string, findings []finding, src *sourceCache) []identity {
	type group struct{ rule, file, msg, line string }
	seen := map[group]int{}
	ids := make([]identity, len(findings))
	for i, f := range findings {
		p := f.act.Package.Fset.Position(f.diag.Pos)
		id := identity{
			Rule:    f.rule.Name,
			File:    filepath.ToSlash(relPath(cwd, p.Filename)),
			Message: f.diag.Message,
			Line:    normalizeLine(src.line(p.Filename, p.Line)),
		}
		g := group{id.Rule, id.File, id.Message, id.Line}
		id.Occurrence = seen[g]
		seen[g]++
		ids[i] = id
	}
	return ids
}

// normalizeLine trims a source line and collapses its runs of white space
// to one space.
func normalizeLine(line []byte) string {
	return strings.Join(strings.Fields(string(line)), " ")
}

// A sourceCache reads each source file once. A file that cannot be read
// has no lines: identities then rest on the rule, file and message alone,
// and columns stay byte columns.
type sourceCache struct {
	files map[string]*sourceFile
}

type sourceFile struct {
	data  []byte
	lines []int // offset of the start of each line
}

func newSourceCache() *sourceCache {
	return &sourceCache{files: map[string]*sourceFile{}}
}

func (c *sourceCache) file(name string) *sourceFile {
	if f, ok := c.files[name]; ok {
		return f
	}
	f := &sourceFile{}
	if data, err := os.ReadFile(name); err == nil {
		f.data = data
		f.lines = append(f.lines, 0)
		for i, b := range data {
			if b == '\n' && i+1 < len(data) {
				f.lines = append(f.lines, i+1)
			}
		}
	}
	c.files[name] = f
	return f
}

// line returns line n (1-based) of the named file without its line
// ending, or nil.
func (c *sourceCache) line(name string, n int) []byte {
	f := c.file(name)
	if n < 1 || n > len(f.lines) {
		return nil
	}
	start := f.lines[n-1]
	end := len(f.data)
	if n < len(f.lines) {
		end = f.lines[n]
	}
	l := f.data[start:end]
	l = bytes.TrimSuffix(l, []byte("\n"))
	return bytes.TrimSuffix(l, []byte("\r"))
}

// utf16Column converts a 1-based byte column of line to the 1-based column
// in UTF-16 code units that SARIF's "utf16CodeUnits" column kind and
// GitHub use. A column past the end of the line counts the missing bytes
// as one unit each; an invalid UTF-8 byte counts as one unit (it decodes
// as U+FFFD).
func utf16Column(line []byte, col int) int {
	if col < 1 {
		return 1
	}
	prefix := line
	extra := 0
	if col-1 < len(line) {
		prefix = line[:col-1]
	} else {
		extra = col - 1 - len(line)
	}
	units := 0
	for len(prefix) > 0 {
		r, size := utf8.DecodeRune(prefix)
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
		prefix = prefix[size:]
	}
	return units + extra + 1
}

// tokenEnd returns the 1-based byte column just past the Go token that
// starts at (or after white space from) byte column col of line: the end
// of the region a diagnostic without an End covers. A token that continues
// on the next line (a raw string, a block comment) ends with the line; at
// the end of the line the region is empty.
func tokenEnd(line []byte, col int) int {
	off := col - 1
	if off < 0 || off >= len(line) {
		return col
	}
	rest := line[off:]
	fset := token.NewFileSet()
	f := fset.AddFile("", -1, len(rest))
	var s scanner.Scanner
	s.Init(f, rest, func(token.Position, string) {}, scanner.ScanComments)
	pos, tok, lit := s.Scan()
	if tok == token.EOF || (tok == token.SEMICOLON && lit == "\n") {
		return len(line) + 1
	}
	n := len(lit)
	if n == 0 {
		n = len(tok.String())
	}
	end := off + f.Offset(pos) + n
	if end > len(line) {
		end = len(line)
	}
	return end + 1
}
