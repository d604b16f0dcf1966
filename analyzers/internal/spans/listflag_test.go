package spans

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// TestListFlagSet: list options reject empty items and names that are not
// spelt as full names, and keep nothing of a rejected value.
func TestListFlagSet(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // the error, or "" for none
	}{
		{"example.com/tel.Begin", ""},
		{"example.com/tel.Begin, io.EOF", ""},
		{"(*example.com/tel.Tracer).Open", ""},
		{"(example.com/tel.Iface).Open", ""},
		{"(*example.com/tel.List[T]).Push", ""},
		{"gopkg.in/yaml.v3.Marshal", ""},
		{"", `empty name`},
		{"a.B,,c.D", `empty name in "a.B,,c.D" (a stray comma?)`},
		{"a.B,", `empty name in "a.B," (a stray comma?)`},
		{"not-a-func", `"not-a-func" is not a full name`},
		{"Start", `"Start" is not a full name`},
		{"example.com/tel.", `"example.com/tel." is not a full name`},
		{"example.com/tel", `"example.com/tel" is not a full name`},
		{".Start", `".Start" is not a full name`},
		{"(*example.com/tel.Tracer.Open", `"(*example.com/tel.Tracer.Open" is not a full name`},
		{"(*example.com/tel.Tracer).", `"(*example.com/tel.Tracer)." is not a full name`},
		{"example.com/tel.Begin()", `"example.com/tel.Begin()" is not a full name`},
	} {
		var l ListFlag
		err := l.Set(c.in)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("Set(%q): %v", c.in, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("Set(%q) = %v, want an error with %q", c.in, err, c.want)
		case c.want != "" && len(l) > 0:
			t.Errorf("Set(%q) failed but kept %v", c.in, l)
		}
	}
}

// TestFullNameCheck: a name in a loaded package must name something in
// it, with the receiver that go/types spells.
func TestFullNameCheck(t *testing.T) {
	const src = `package tel
type Tracer struct{ inner }
type inner struct{}
func (*inner) Close() {}
func (*Tracer) Open() {}
func (Tracer) Name() string { return "" }
type Iface interface{ Open() }
type List[T any] struct{}
func (*List[T]) Push(T) {}
func Begin() {}
var ErrNone error
const Max = 1
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "tel.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("example.com/tel", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, want string }{
		{"example.com/tel.Begin", ""},
		{"example.com/tel.ErrNone", ""},
		{"(*example.com/tel.Tracer).Open", ""},
		{"(example.com/tel.Tracer).Name", ""},
		{"(example.com/tel.Iface).Open", ""},
		{"(*example.com/tel.List).Push", ""},
		{"(*example.com/tel.List[T]).Push", ""},
		{"example.com/tel.Strat", "package example.com/tel has no function or variable Strat"},
		{"example.com/tel.Max", "example.com/tel.Max is neither a function nor a variable"},
		{"(*example.com/tel.Tracr).Open", "package example.com/tel has no type Tracr"},
		{"(*example.com/tel.Tracer).Opn", "type example.com/tel.Tracer has no method Opn"},
		{"(example.com/tel.Tracer).Open", "the method is spelt (*example.com/tel.Tracer).Open"},
		{"(*example.com/tel.Tracer).Close", "the method is spelt (*example.com/tel.inner).Close"},
	} {
		n, err := ParseFullName(c.name)
		if err != nil {
			t.Fatalf("ParseFullName(%q): %v", c.name, err)
		}
		err = n.Check(pkg)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || err.Error() != c.want):
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// TestHasFunc: HasFunc answers as Has(fn.FullName()) does, for functions,
// methods, generic methods and names in packages whose path has a dot in
// its last element.
func TestHasFunc(t *testing.T) {
	const src = `package v3
type Tracer struct{}
func (*Tracer) Open() {}
func (Tracer) Name() string { return "" }
type List[T any] struct{}
func (*List[T]) Push(T) {}
func Begin() {}
func Open() {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "tel.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("example.com/tel.v3", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tracer := pkg.Scope().Lookup("Tracer").Type()
	list := pkg.Scope().Lookup("List").Type()
	method := func(t types.Type, name string) *types.Func {
		m, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), false, pkg, name)
		return m.(*types.Func)
	}
	funcs := []*types.Func{
		pkg.Scope().Lookup("Begin").(*types.Func),
		pkg.Scope().Lookup("Open").(*types.Func),
		method(tracer, "Open"),
		method(tracer, "Name"),
		method(list, "Push"),
	}
	lists := []ListFlag{
		nil,
		{"example.com/tel.v3.Begin"},
		{"example.com/tel.v3.Open"},
		{"(*example.com/tel.v3.Tracer).Open", "example.com/other.Begin"},
		{"(example.com/tel.v3.Tracer).Name"},
		{"(*example.com/tel.v3.Tracer).Name"},
		{"(*example.com/tel.v3.List[T]).Push"},
		{"(*example.com/tel.v3.List).Push"},
		{"example.com/tel.Begin", "example.com/tel.v3.Open"},
	}
	for _, l := range lists {
		for _, fn := range funcs {
			if got, want := l.HasFunc(fn), l.Has(fn.FullName()); got != want {
				t.Errorf("%q.HasFunc(%s) = %v, want %v", l, fn.FullName(), got, want)
			}
		}
	}
	if l := (ListFlag{"example.com/tel.v3.Begin"}); !l.HasFunc(funcs[0]) || l.HasFunc(nil) {
		t.Errorf("HasFunc: want Begin in the list and nil not")
	}
}
