package spans

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// ListFlag is a comma-separated list of full names, as types.Func.FullName
// and types.Var spell them ("example.com/tel.Begin",
// "(*example.com/tel.Tracer).Open"), usable as a flag.Value. Setting it
// again appends, so the flag may be repeated. Set rejects an empty item and
// a name that is not spelt as a full name; whether the name exists is known
// only once packages are loaded (see FullName).
type ListFlag []string

func (l *ListFlag) String() string { return strings.Join(*l, ",") }

// Set implements flag.Value.
func (l *ListFlag) Set(s string) error {
	var add []string
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		switch {
		case s == "":
			return fmt.Errorf("empty name")
		case f == "":
			return fmt.Errorf("empty name in %q (a stray comma?)", s)
		}
		if _, err := ParseFullName(f); err != nil {
			return err
		}
		add = append(add, f)
	}
	*l = append(*l, add...)
	return nil
}

// Get implements flag.Getter: the names, as a []string, which tells
// configuration front ends (the golangci-lint plugin) that the flag is a list.
func (l *ListFlag) Get() any { return []string(*l) }

// Has reports whether name is in the list.
func (l ListFlag) Has(name string) bool { return slices.Contains(l, name) }

// HasFunc reports whether fn's full name is in the list, as
// Has(fn.FullName()) does, but builds the full name only when an item ends
// in fn's short name: the rules ask about every call, and the list is
// usually empty.
func (l ListFlag) HasFunc(fn *types.Func) bool {
	if len(l) == 0 || fn == nil {
		return false
	}
	name := fn.Name()
	for _, item := range l {
		if shortName(item) == name {
			return slices.Contains(l, fn.FullName())
		}
	}
	return false
}

// shortName returns what follows the last dot of a full name: the
// function, variable or method ("(*p.T).M" gives "M").
func shortName(full string) string { return full[strings.LastIndexByte(full, '.')+1:] }

// FullName is a parsed full name: a package-level function or variable
// (Recv == "") or a method.
type FullName struct {
	Pkg     string // import path
	Recv    string // the receiver's type name, without type arguments; "" for a function or variable
	Pointer bool   // the receiver is a pointer, (*T).M
	Name    string // the function, variable or method
}

// ParseFullName parses a full name as go/types spells it: "path/to/pkg.F",
// "(path/to/pkg.T).M" or "(*path/to/pkg.T).M".
func ParseFullName(s string) (FullName, error) {
	bad := fmt.Errorf("%q is not a full name (want path/to/pkg.Func, path/to/pkg.Var or (*path/to/pkg.Type).Method)", s)
	var n FullName
	qual := s
	if strings.HasPrefix(s, "(") {
		recv, method, ok := strings.Cut(s[1:], ").")
		if !ok || !token.IsIdentifier(method) {
			return FullName{}, bad
		}
		recv, n.Pointer = strings.CutPrefix(recv, "*")
		if i := strings.IndexByte(recv, '['); i >= 0 && strings.HasSuffix(recv, "]") {
			recv = recv[:i] // (*pkg.List[T]).Push
		}
		qual, n.Name = recv, method
	}
	// The member follows the last dot of the path's last element
	// (gopkg.in/yaml.v3.Marshal).
	slash := strings.LastIndexByte(qual, '/')
	dot := strings.LastIndexByte(qual, '.')
	if dot <= slash+1 || !token.IsIdentifier(qual[dot+1:]) || strings.ContainsAny(qual[:dot], " \t()*") {
		return FullName{}, bad
	}
	n.Pkg = qual[:dot]
	if n.Name != "" {
		n.Recv = qual[dot+1:]
	} else {
		n.Name = qual[dot+1:]
	}
	return n, nil
}

// Check reports, when pkg is the package the name is in, whether the name
// names something in it: a package-level function or variable, or a method
// spelt with the right receiver. The error says what is missing, since the
// option then matches nothing.
func (n FullName) Check(pkg *types.Package) error {
	if n.Recv == "" {
		switch pkg.Scope().Lookup(n.Name).(type) {
		case *types.Func, *types.Var:
			return nil
		case nil:
			return fmt.Errorf("package %s has no function or variable %s", n.Pkg, n.Name)
		}
		return fmt.Errorf("%s.%s is neither a function nor a variable", n.Pkg, n.Name)
	}
	tn, ok := pkg.Scope().Lookup(n.Recv).(*types.TypeName)
	if !ok {
		return fmt.Errorf("package %s has no type %s", n.Pkg, n.Recv)
	}
	t := tn.Type()
	if !types.IsInterface(t) {
		t = types.NewPointer(t) // the method sets of T and *T
	}
	m, _, _ := types.LookupFieldOrMethod(t, false, pkg, n.Name)
	fn, ok := m.(*types.Func)
	if !ok {
		return fmt.Errorf("type %s.%s has no method %s", n.Pkg, n.Recv, n.Name)
	}
	if want := fn.Origin().FullName(); want != n.String() && stripTypeArgs(want) != n.String() {
		return fmt.Errorf("the method is spelt %s", want)
	}
	return nil
}

// String spells the name as go/types does, without type arguments.
func (n FullName) String() string {
	if n.Recv == "" {
		return n.Pkg + "." + n.Name
	}
	star := ""
	if n.Pointer {
		star = "*"
	}
	return "(" + star + n.Pkg + "." + n.Recv + ")." + n.Name
}

// stripTypeArgs drops the type parameters of a method's receiver:
// "(*p.List[T]).Push" -> "(*p.List).Push".
func stripTypeArgs(full string) string {
	i := strings.IndexByte(full, '[')
	j := strings.Index(full, "]).")
	if i < 0 || j < i {
		return full
	}
	return full[:i] + full[j+1:]
}
