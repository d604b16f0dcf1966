package driver

import (
	"fmt"
	"sort"
	"strings"
)

// unifiedDiff returns a unified diff of two texts with three lines of
// context. Lines keep their own endings, so a CRLF file diffs as CRLF.
//
// The diff is not always minimal, but its memory is linear in the size of
// the texts and its time is O(n log n) plus O(n·maxEdits) at worst:
//
//   - the common prefix and suffix are set aside;
//   - lines that occur exactly once in each text are matched along their
//     longest increasing run (patience diff), which anchors nearly every
//     line of a fixed Go file;
//   - the gaps between anchors are diffed by Myers' algorithm, which keeps
//     O(D²) state for D edits: a gap that needs more than maxEdits edits is
//     shown as removed and added whole instead.
func unifiedDiff(oldName, newName, a, b string) string {
	if a == b {
		return ""
	}
	x, y := splitLines(a), splitLines(b)
	matches := diffLines(x, y)

	// The edit script: for each match, the lines removed and added before it.
	type op struct {
		kind   byte // ' ', '-', '+'
		ai, bi int  // line index in x and y (of the line, or where it would be)
	}
	ops := make([]op, 0, len(x)+len(y)-len(matches))
	i, j := 0, 0
	for _, m := range append(matches, lineMatch{len(x), len(y)}) {
		for ; i < m.a; i++ {
			ops = append(ops, op{'-', i, j})
		}
		for ; j < m.b; j++ {
			ops = append(ops, op{'+', i, j})
		}
		if i < len(x) && j < len(y) {
			ops = append(ops, op{' ', i, j})
			i++
			j++
		}
	}
	text := func(o op) string {
		if o.kind == '+' {
			return y[o.bi]
		}
		return x[o.ai]
	}

	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", oldName, newName)
	const ctx = 3
	for k := 0; k < len(ops); {
		if ops[k].kind == ' ' {
			k++
			continue
		}
		// A hunk: from ctx lines before the change to ctx lines after
		// the last change that is within 2*ctx of the previous one.
		start := max(k-ctx, 0)
		end := k
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*ctx {
				end = min(end+ctx, len(ops))
				break
			}
			end = run
		}
		var oldN, newN int
		for _, o := range ops[start:end] {
			if o.kind != '+' {
				oldN++
			}
			if o.kind != '-' {
				newN++
			}
		}
		fmt.Fprintf(&sb, "@@ -%s +%s @@\n", hunkRange(ops[start].ai, oldN), hunkRange(ops[start].bi, newN))
		for _, o := range ops[start:end] {
			t := text(o)
			sb.WriteByte(o.kind)
			sb.WriteString(t)
			if !strings.HasSuffix(t, "\n") {
				sb.WriteString("\n\\ No newline at end of file\n")
			}
		}
		k = end
	}
	return sb.String()
}

// hunkRange formats one side of a hunk header: the first line (1-based)
// and the count, or, for an empty side, the line before it.
func hunkRange(first, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", first)
	}
	return fmt.Sprintf("%d,%d", first+1, n)
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// A lineMatch pairs line a of the old text with the equal line b of the
// new one.
type lineMatch struct{ a, b int }

// maxEdits bounds the edits Myers' algorithm looks for in one gap between
// anchors; its state grows with the square of this bound, never with the
// size of the files.
const maxEdits = 1000

// diffLines returns matching lines of x and y, in increasing order of both.
func diffLines(x, y []string) []lineMatch {
	// Lines as small integers: equal lines get equal ids.
	ids := map[string]int32{}
	id := func(lines []string) []int32 {
		out := make([]int32, len(lines))
		for i, l := range lines {
			n, ok := ids[l]
			if !ok {
				n = int32(len(ids))
				ids[l] = n
			}
			out[i] = n
		}
		return out
	}
	d := &differ{a: id(x), b: id(y)}
	d.nids = len(ids)
	d.diff()
	return d.matches
}

type differ struct {
	a, b    []int32
	nids    int
	matches []lineMatch

	// seen[id] == stamp marks the lines of the current gap's a side.
	seen  []int32
	stamp int32
}

func (d *differ) match(a, b int) { d.matches = append(d.matches, lineMatch{a, b}) }

func (d *differ) diff() {
	alo, ahi, blo, bhi := 0, len(d.a), 0, len(d.b)
	for alo < ahi && blo < bhi && d.a[alo] == d.b[blo] {
		d.match(alo, blo)
		alo++
		blo++
	}
	suffix := 0
	for alo < ahi-suffix && blo < bhi-suffix && d.a[ahi-1-suffix] == d.b[bhi-1-suffix] {
		suffix++
	}
	ahi, bhi = ahi-suffix, bhi-suffix
	pa, pb := alo, blo
	for _, an := range d.anchors(alo, ahi, blo, bhi) {
		d.gap(pa, an.a, pb, an.b)
		d.match(an.a, an.b)
		pa, pb = an.a+1, an.b+1
	}
	d.gap(pa, ahi, pb, bhi)
	for k := 0; k < suffix; k++ {
		d.match(ahi+k, bhi+k)
	}
}

// anchors returns the longest run, increasing in both texts, of the lines
// that occur exactly once in a[alo:ahi] and once in b[blo:bhi].
func (d *differ) anchors(alo, ahi, blo, bhi int) []lineMatch {
	// count[id] is 1 or 2 for one or more occurrences in a, plus 4 for
	// one, 8 for more, in b; pos[id] is the line in b.
	count := make([]uint8, d.nids)
	pos := make([]int32, d.nids)
	for _, id := range d.a[alo:ahi] {
		count[id] = min(count[id]+1, 2)
	}
	for j := blo; j < bhi; j++ {
		id := d.b[j]
		switch count[id] & 12 {
		case 0:
			count[id] |= 4
			pos[id] = int32(j)
		case 4:
			count[id] = count[id]&^12 | 8
		}
	}
	var cands []lineMatch
	for i := alo; i < ahi; i++ {
		if id := d.a[i]; count[id] == 1|4 {
			cands = append(cands, lineMatch{i, int(pos[id])})
		}
	}
	// Longest increasing subsequence of the b lines (patience sorting):
	// tails[k] is the candidate ending the best run of length k+1 found
	// so far, prev links each candidate to its predecessor in its run.
	var tails []int
	prev := make([]int, len(cands))
	for c, m := range cands {
		k := sort.Search(len(tails), func(k int) bool { return cands[tails[k]].b >= m.b })
		prev[c] = -1
		if k > 0 {
			prev[c] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, c)
		} else {
			tails[k] = c
		}
	}
	if len(tails) == 0 {
		return nil
	}
	run := make([]lineMatch, len(tails))
	for k, c := len(tails)-1, tails[len(tails)-1]; k >= 0; k, c = k-1, prev[c] {
		run[k] = cands[c]
	}
	return run
}

// gap matches the lines of a[alo:ahi] and b[blo:bhi], which share no
// anchor.
func (d *differ) gap(alo, ahi, blo, bhi int) {
	for alo < ahi && blo < bhi && d.a[alo] == d.b[blo] {
		d.match(alo, blo)
		alo++
		blo++
	}
	suffix := 0
	for alo < ahi-suffix && blo < bhi-suffix && d.a[ahi-1-suffix] == d.b[bhi-1-suffix] {
		suffix++
	}
	if alo < ahi-suffix && blo < bhi-suffix && d.share(alo, ahi-suffix, blo, bhi-suffix) {
		d.myers(alo, ahi-suffix, blo, bhi-suffix)
	}
	for k := suffix; k > 0; k-- {
		d.match(ahi-k, bhi-k)
	}
}

// share reports whether a[alo:ahi] and b[blo:bhi] have a line in common:
// when they do not (every line changed), there is nothing to search.
func (d *differ) share(alo, ahi, blo, bhi int) bool {
	if d.seen == nil {
		d.seen = make([]int32, d.nids)
	}
	d.stamp++
	for _, id := range d.a[alo:ahi] {
		d.seen[id] = d.stamp
	}
	for _, id := range d.b[blo:bhi] {
		if d.seen[id] == d.stamp {
			return true
		}
	}
	return false
}

// myers matches the lines of a shortest edit script of a[alo:ahi] into
// b[blo:bhi] (Myers, "An O(ND) difference algorithm and its variations",
// 1986), or none when that script has more than maxEdits edits.
func (d *differ) myers(alo, ahi, blo, bhi int) {
	a, b := d.a[alo:ahi], d.b[blo:bhi]
	n, m := len(a), len(b)
	limit := min(n+m, maxEdits)
	// v[off+k] is the furthest x reached on diagonal k = x-y; trace[e]
	// holds v[-e..e] after e edits, for the walk back.
	off := limit + 1
	v := make([]int32, 2*limit+3)
	var trace [][]int32
	for e := 0; e <= limit; e++ {
		for k := -e; k <= e; k += 2 {
			var x int
			if k == -e || (k != e && v[off+k-1] < v[off+k+1]) {
				x = int(v[off+k+1]) // down: a line of b is added
			} else {
				x = int(v[off+k-1]) + 1 // right: a line of a is removed
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = int32(x)
			if x >= n && y >= m {
				d.walkBack(trace, k, n, alo, blo)
				return
			}
		}
		trace = append(trace, append([]int32(nil), v[off-e:off+e+1]...))
	}
}

// walkBack appends the matches of the path that ends at (n, n-k) after
// len(trace) edits.
func (d *differ) walkBack(trace [][]int32, k, x, alo, blo int) {
	var rev []lineMatch
	for e := len(trace); e >= 0; e-- {
		y := x - k
		// The snake ends at (x, y); it starts where the edit of step e
		// (or, for e == 0, the origin) leaves the path.
		sx := 0
		var pk, px int
		if e > 0 {
			pv := trace[e-1] // v[-(e-1) .. e-1]
			at := func(k int) int { return int(pv[k+e-1]) }
			if k == -e || (k != e && at(k-1) < at(k+1)) {
				pk = k + 1
				px = at(pk)
				sx = px
			} else {
				pk = k - 1
				px = at(pk)
				sx = px + 1
			}
		}
		for ; x > sx; x-- {
			y--
			rev = append(rev, lineMatch{alo + x - 1, blo + y})
		}
		if e > 0 {
			k, x = pk, px
		}
	}
	for i := len(rev) - 1; i >= 0; i-- {
		d.matches = append(d.matches, rev[i])
	}
}
