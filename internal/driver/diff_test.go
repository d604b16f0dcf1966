package driver

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// applyDiff applies a unified diff made by unifiedDiff to a, checking
// every context and removed line against a.
func applyDiff(t *testing.T, a, diff string) string {
	t.Helper()
	if diff == "" {
		return a
	}
	old := splitLines(a)
	lines := splitLines(diff)
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		t.Fatalf("no file header:\n%s", diff)
	}
	var out []string
	next := 0 // next line of old to copy
	for k := 2; k < len(lines); {
		var o1, n1, o2, n2 int
		if _, err := fmt.Sscanf(lines[k], "@@ -%d,%d +%d,%d @@\n", &o1, &n1, &o2, &n2); err != nil {
			t.Fatalf("bad hunk header %q: %v\n%s", lines[k], err, diff)
		}
		k++
		start := o1 - 1
		if n1 == 0 {
			start = o1
		}
		if start < next {
			t.Fatalf("hunk at line %d overlaps the previous one\n%s", o1, diff)
		}
		out = append(out, old[next:start]...)
		if len(out) != o2-1 && !(n2 == 0 && len(out) == o2) {
			t.Fatalf("hunk header %q: new side starts at line %d, want %d\n%s", lines[k-1], o2, len(out)+1, diff)
		}
		next = start
		var gotOld, gotNew int
		for k < len(lines) && !strings.HasPrefix(lines[k], "@@") {
			l := lines[k]
			k++
			text := l[1:]
			if k < len(lines) && lines[k] == "\\ No newline at end of file\n" {
				text = strings.TrimSuffix(text, "\n")
				k++
			}
			switch l[0] {
			case ' ', '-':
				if next >= len(old) || old[next] != text {
					t.Fatalf("line %d: diff has %q, text has %q\n%s", next+1, text, old[min(next, len(old)-1)], diff)
				}
				next++
				gotOld++
				if l[0] == ' ' {
					out = append(out, text)
					gotNew++
				}
			case '+':
				out = append(out, text)
				gotNew++
			default:
				t.Fatalf("bad diff line %q\n%s", l, diff)
			}
		}
		if gotOld != n1 || gotNew != n2 {
			t.Fatalf("hunk header says -%d +%d, hunk has -%d +%d\n%s", n1, n2, gotOld, gotNew, diff)
		}
	}
	out = append(out, old[next:]...)
	return strings.Join(out, "")
}

func TestUnifiedDiff(t *testing.T) {
	for _, tc := range []struct{ name, a, b, want string }{
		{"insert", "a\nb\nc\n", "a\nb\nx\nc\n", "--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n a\n b\n+x\n c\n"},
		{"crlf", "a\r\nb\r\n", "a\r\nx\r\nb\r\n", "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\r\n+x\r\n b\r\n"},
		{"no newline", "a\nb", "a\nc", "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"},
		{"from empty", "", "a\n", "--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+a\n"},
		{"same", "a\n", "a\n", ""},
	} {
		got := unifiedDiff("a/f", "b/f", tc.a, tc.b)
		if got != tc.want {
			t.Errorf("%s: got\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
}

// TestUnifiedDiffRandom checks that every diff applies and gives the new
// text, on random edits of texts made of a few distinct lines (few
// anchors, much Myers) and of mostly unique lines (many anchors).
func TestUnifiedDiffRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		distinct := []int{3, 10, 1000}[i%3]
		line := func() string {
			s := strconv.Itoa(r.Intn(distinct))
			if r.Intn(10) == 0 {
				return s + "\r\n"
			}
			return s + "\n"
		}
		var a []string
		for n := r.Intn(60); n > 0; n-- {
			a = append(a, line())
		}
		b := append([]string(nil), a...)
		for n := r.Intn(8); n > 0; n-- {
			k := r.Intn(len(b) + 1)
			switch r.Intn(3) {
			case 0:
				b = append(b[:k], append([]string{line()}, b[k:]...)...)
			case 1:
				if k < len(b) {
					b = append(b[:k], b[k+1:]...)
				}
			case 2:
				if k < len(b) {
					b[k] = line()
				}
			}
		}
		ta, tb := strings.Join(a, ""), strings.Join(b, "")
		if r.Intn(5) == 0 {
			tb = strings.TrimSuffix(tb, "\n")
		}
		d := unifiedDiff("a/f", "b/f", ta, tb)
		if got := applyDiff(t, ta, d); got != tb {
			t.Fatalf("case %d: the diff gives\n%q\nwant\n%q\ndiff:\n%s", i, got, tb, d)
		}
	}
}

// TestUnifiedDiffBound: a change that needs more than maxEdits edits in
// one gap between anchors is shown as a removal and an addition, still a
// correct diff.
func TestUnifiedDiffBound(t *testing.T) {
	var a, b strings.Builder
	for i := 0; i < 3*maxEdits; i++ {
		// Only two distinct lines: no anchor, and b interleaves them
		// differently from a.
		a.WriteString([]string{"x\n", "y\n"}[i%2])
		b.WriteString([]string{"x\n", "y\n", "y\n"}[i%3])
	}
	d := unifiedDiff("a/f", "b/f", a.String(), b.String())
	if got := applyDiff(t, a.String(), d); got != b.String() {
		t.Fatalf("the diff does not give the new text")
	}
}

// TestUnifiedDiffFix: the diff of a fixed file shows the added lines only,
// however long the file (the anchors cover it).
func TestUnifiedDiffFix(t *testing.T) {
	a, b := generatedFix(20000)
	d := unifiedDiff("a/f", "b/f", a, b)
	var added, removed int
	for _, l := range strings.Split(d, "\n") {
		switch {
		case strings.HasPrefix(l, "+++"), strings.HasPrefix(l, "---"):
		case strings.HasPrefix(l, "+"):
			added++
		case strings.HasPrefix(l, "-"):
			removed++
		}
	}
	if added != 20000/10 || removed != 0 {
		t.Errorf("diff adds %d and removes %d lines, want %d and 0", added, removed, 20000/10)
	}
	if got := applyDiff(t, a, d); got != b {
		t.Fatalf("the diff does not give the fixed text")
	}
}

// generatedFix returns a Go-like file of about n lines with a function
// every 10 lines, and the same file with a line added to each function,
// as spanend's fix adds defer span.End().
func generatedFix(n int) (string, string) {
	var a, b strings.Builder
	for i := 0; i < n/10; i++ {
		fn := fmt.Sprintf("func f%d(ctx context.Context) error {\n\tctx, span := tracer.Start(ctx, \"f%d\")\n", i, i)
		body := fmt.Sprintf("\tif err := g%d(ctx); err != nil {\n\t\treturn err\n\t}\n\tspan.AddEvent(\"done\")\n\treturn nil\n}\n\n", i)
		a.WriteString(fn + body)
		b.WriteString(fn + "\tdefer span.End()\n" + body)
	}
	return a.String(), b.String()
}

// BenchmarkUnifiedDiff measures the diff of generated files of growing
// size: "fix" adds a line every 10 lines (a -fix run), "rewrite" changes
// every line (line endings converted), "reindent" every line but the
// blank and brace ones (no line left is unique: no anchor, Myers up to its
// bound), the worst cases for anchors.
func BenchmarkUnifiedDiff(b *testing.B) {
	for _, n := range []int{1000, 4000, 16000, 64000} {
		old, fixed := generatedFix(n)
		b.Run(fmt.Sprintf("fix/lines=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				unifiedDiff("a/f", "b/f", old, fixed)
			}
		})
		crlf := strings.ReplaceAll(old, "\n", "\r\n")
		b.Run(fmt.Sprintf("rewrite/lines=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				unifiedDiff("a/f", "b/f", old, crlf)
			}
		})
		var re strings.Builder
		for _, l := range splitLines(old) {
			if l != "}\n" && l != "\n" {
				re.WriteString("\t")
			}
			re.WriteString(l)
		}
		b.Run(fmt.Sprintf("reindent/lines=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				unifiedDiff("a/f", "b/f", old, re.String())
			}
		})
	}
}

// TestMyersMinimal: within a gap, the matches are a longest common
// subsequence, as a quadratic table computes it.
func TestMyersMinimal(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 500; i++ {
		gen := func() []int32 {
			s := make([]int32, r.Intn(40))
			for k := range s {
				s[k] = int32(r.Intn(4))
			}
			return s
		}
		a, b := gen(), gen()
		d := &differ{a: a, b: b, nids: 4}
		d.gap(0, len(a), 0, len(b))
		for k, m := range d.matches {
			if a[m.a] != b[m.b] || k > 0 && (m.a <= d.matches[k-1].a || m.b <= d.matches[k-1].b) {
				t.Fatalf("case %d: bad matches %v", i, d.matches)
			}
		}
		lcs := make([][]int, len(a)+1)
		for x := range lcs {
			lcs[x] = make([]int, len(b)+1)
		}
		for x := len(a) - 1; x >= 0; x-- {
			for y := len(b) - 1; y >= 0; y-- {
				if a[x] == b[y] {
					lcs[x][y] = lcs[x+1][y+1] + 1
				} else {
					lcs[x][y] = max(lcs[x+1][y], lcs[x][y+1])
				}
			}
		}
		if len(d.matches) != lcs[0][0] {
			t.Fatalf("case %d: %d matches, the longest common subsequence has %d", i, len(d.matches), lcs[0][0])
		}
	}
}
