package spans

import (
	"slices"
	"strings"
)

// ListFlag is a comma-separated list of names, usable as a flag.Value.
// Setting it again appends, so the flag may be repeated.
type ListFlag []string

func (l *ListFlag) String() string { return strings.Join(*l, ",") }

// Set implements flag.Value.
func (l *ListFlag) Set(s string) error {
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			*l = append(*l, f)
		}
	}
	return nil
}

// Get implements flag.Getter: the names, as a []string, which tells
// configuration front ends (the golangci-lint plugin) that the flag is a list.
func (l *ListFlag) Get() any { return []string(*l) }

// Has reports whether name is in the list.
func (l ListFlag) Has(name string) bool { return slices.Contains(l, name) }
