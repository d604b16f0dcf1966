// Package semconv holds what the OpenTelemetry semantic-conventions
// registry says about attribute keys: each key's value type, stability,
// enum members, and the deprecated keys with their replacement or the
// reason there is none. The table is generated from the registry's YAML
// (see gen). go generate ./analyzers/internal/semconv regenerates it from
// the registry copy next to the repository (../shared/semconv/v1.44.0), if
// present; against a newer checkout of the registry, run in this folder
//
//	go run ./gen -registry /path/to/semantic-conventions -version v1.45.0
//
// and update the release named in analyzers/attrkey/doc.go (a test checks
// it).
package semconv

//go:generate go run ./gen -if-present -registry ../../../../shared/semconv/v1.44.0 -o zz_generated.go

import (
	"slices"
	"sort"
	"strings"
	"sync"
)

// Type is the value type the registry gives an attribute.
type Type uint8

// The registry's attribute types. An enum is String or Int, after its
// members' values.
const (
	Any Type = iota
	String
	Int
	Double
	Boolean
	StringSlice
	IntSlice
	DoubleSlice
	BooleanSlice
)

func (t Type) String() string {
	switch t {
	case String:
		return "string"
	case Int:
		return "int"
	case Double:
		return "double"
	case Boolean:
		return "boolean"
	case StringSlice:
		return "string[]"
	case IntSlice:
		return "int[]"
	case DoubleSlice:
		return "double[]"
	case BooleanSlice:
		return "boolean[]"
	}
	return "any"
}

// The reasons of a deprecation.
const (
	Renamed       = "renamed"       // RenamedTo replaces the key
	Obsoleted     = "obsoleted"     // removed; nothing replaces it
	Uncategorized = "uncategorized" // see the note
)

// Deprecation says why a key or an enum value is deprecated.
type Deprecation struct {
	Reason    string // Renamed, Obsoleted or Uncategorized
	RenamedTo string // the key (or value) that replaces it, for Renamed
	Note      string // the registry's note, on one line
}

// Member is a value of an enum attribute.
type Member struct {
	Value      string // as written in the registry (a number for int enums)
	Deprecated *Deprecation
}

// Attribute is one attribute of the registry.
type Attribute struct {
	Key string
	// Type is the value type; for a template, the type of each key it
	// stands for.
	Type Type
	// Template reports whether Key is a prefix: the attribute stands for
	// the keys Key + "." + a name (http.request.header.<name>).
	Template   bool
	Stability  string // stable, development, release_candidate, ...
	Deprecated *Deprecation
	Members    []Member // the values of an enum
	Area       string   // the registry's model/ folder that defines it
}

// URL returns the registry page that documents a.
func (a Attribute) URL() string {
	return "https://opentelemetry.io/docs/specs/semconv/registry/attributes/" + a.Area + "/"
}

// Member returns the enum member of a with value v.
func (a Attribute) Member(v string) (Member, bool) {
	for _, m := range a.Members {
		if m.Value == v {
			return m, true
		}
	}
	return Member{}, false
}

// Lookup returns the attribute of the registry that defines key: the
// attribute named key, or else the template whose prefix key extends
// (http.request.header.content-type: http.request.header), the longest
// if several do.
func Lookup(key string) (Attribute, bool) {
	i, ok := slices.BinarySearchFunc(table, key, func(a Attribute, k string) int { return strings.Compare(a.Key, k) })
	if ok && !table[i].Template {
		return table[i], true
	}
	var best Attribute
	found := false
	for _, t := range index().templates {
		if len(key) > len(t.Key)+1 && strings.HasPrefix(key, t.Key) && key[len(t.Key)] == '.' && len(t.Key) > len(best.Key) {
			best, found = t, true
		}
	}
	return best, found
}

// Namespaces returns the registry's namespaces that define current keys
// (the first segment of a key: http, db, url), sorted.
func Namespaces() []string { return slices.Clone(index().namespaces) }

// InNamespace reports whether key's first segment is one of Namespaces.
func InNamespace(key string) bool {
	ns, _, _ := strings.Cut(key, ".")
	_, ok := index().byNamespace[ns]
	return ok
}

// NearKey returns the current (not deprecated, not template) key of the
// registry that key is one edit away from (a character inserted, deleted,
// replaced, or two neighbours swapped), when key lies in a registry
// namespace, is not defined itself, and exactly one key is that near. It
// does not count as a typo a difference in a plural s, in a digit, at the
// start of a segment, or in a last segment shorter than four letters, which
// are often distinct keys on purpose.
func NearKey(key string) (string, bool) {
	if _, ok := Lookup(key); ok {
		return "", false
	}
	ns, _, _ := strings.Cut(key, ".")
	var found string
	n := 0
	for _, k := range index().byNamespace[ns] {
		if oneEdit(key, k) && plausibleTypo(key, k) {
			found = k
			n++
		}
	}
	return found, n == 1
}

// plausibleTypo reports whether key, one edit away from the registry's
// k, reads as a typo of it rather than as a key of its own.
func plausibleTypo(key, k string) bool {
	if key+"s" == k || k+"s" == key {
		return false // user.ids next to user.id
	}
	lastKey, lastK := key[strings.LastIndexByte(key, '.')+1:], k[strings.LastIndexByte(k, '.')+1:]
	if len(lastK) < 4 || len(lastKey) < 4 {
		return false
	}
	// The first difference: not at the start of a segment (user.fname next
	// to user.name is a key of its own).
	p := 0
	for p < len(key) && p < len(k) && key[p] == k[p] {
		p++
	}
	if p == 0 || key[p-1] == '.' {
		return false
	}
	// The characters that differ: no digit (k8s.node.uid and friends).
	for _, r := range diff(key, k) {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	return true
}

// diff returns the characters of a and b outside their common prefix and
// suffix.
func diff(a, b string) string {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	return a[p:len(a)-s] + b[p:len(b)-s]
}

// oneEdit reports whether a and b differ by exactly one insertion,
// deletion, substitution or swap of neighbouring characters.
func oneEdit(a, b string) bool {
	if a == b {
		return false
	}
	la, lb := len(a), len(b)
	if la > lb {
		a, b, la, lb = b, a, lb, la
	}
	if lb-la > 1 {
		return false
	}
	p := 0
	for p < la && a[p] == b[p] {
		p++
	}
	if la == lb {
		if a[p+1:] == b[p+1:] {
			return true // substitution
		}
		return p+1 < la && a[p] == b[p+1] && a[p+1] == b[p] && a[p+2:] == b[p+2:] // swap
	}
	return a[p:] == b[p+1:] // insertion into a
}

type tables struct {
	templates   []Attribute
	namespaces  []string
	byNamespace map[string][]string // current exact keys by namespace
}

var index = sync.OnceValue(func() *tables {
	t := &tables{byNamespace: map[string][]string{}}
	for _, a := range table {
		if a.Template {
			t.templates = append(t.templates, a)
			continue
		}
		if a.Deprecated != nil {
			continue
		}
		ns, _, _ := strings.Cut(a.Key, ".")
		t.byNamespace[ns] = append(t.byNamespace[ns], a.Key)
	}
	for ns := range t.byNamespace {
		t.namespaces = append(t.namespaces, ns)
	}
	sort.Strings(t.namespaces)
	return t
})
