package otelapi

import (
	"go/types"
	"strings"
)

// The tables of this package are keyed by full names, and the rules ask
// them about every call they see. types.Func.FullName builds a new string
// each time; a table's short names (the last element of each key) reject
// almost every call without building one.

// shortNames returns the set of the short names of m's keys: the name
// after the last dot ("(*net/http.Client).Get" gives "Get").
func shortNames[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k[strings.LastIndexByte(k, '.')+1:]] = true
	}
	return out
}

// lookup returns m's entry for fn, asking for fn's full name only when
// its short name is one of the table's.
func lookup[V any](m map[string]V, short map[string]bool, fn *types.Func) (V, bool) {
	if fn == nil || !short[fn.Name()] {
		var zero V
		return zero, false
	}
	v, ok := m[fn.FullName()]
	return v, ok
}

// get returns m's entry for fn, or the zero value, as lookup does.
func get[V any](m map[string]V, short map[string]bool, fn *types.Func) V {
	v, _ := lookup(m, short, fn)
	return v
}

// IsFunc reports whether fn is the function or method with the given full
// name, comparing names before building fn's full name.
func IsFunc(fn *types.Func, full string) bool {
	return fn != nil && fn.Name() == full[strings.LastIndexByte(full, '.')+1:] && fn.FullName() == full
}
