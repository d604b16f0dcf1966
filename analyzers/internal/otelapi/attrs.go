package otelapi

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
)

// Package paths of the OpenTelemetry attribute API and of the generated
// semantic-convention packages (go.opentelemetry.io/otel/semconv/vX.Y.Z and
// their subpackages).
const (
	AttributePkg  = "go.opentelemetry.io/otel/attribute"
	SemconvPrefix = "go.opentelemetry.io/otel/semconv/"
)

// AttrType is the type of an attribute value as the OpenTelemetry API
// builds it.
type AttrType int

// The attribute value types. AttrUnknown is a value whose type the call does
// not say (attribute.Slice, attribute.Map, a KeyValue literal's Value).
const (
	AttrUnknown AttrType = iota
	AttrString
	AttrInt
	AttrFloat
	AttrBool
	AttrStringSlice
	AttrIntSlice
	AttrFloatSlice
	AttrBoolSlice
	AttrBytes
)

func (t AttrType) String() string {
	switch t {
	case AttrString:
		return "string"
	case AttrInt:
		return "int"
	case AttrFloat:
		return "double"
	case AttrBool:
		return "boolean"
	case AttrStringSlice:
		return "string[]"
	case AttrIntSlice:
		return "int[]"
	case AttrFloatSlice:
		return "double[]"
	case AttrBoolSlice:
		return "boolean[]"
	case AttrBytes:
		return "bytes"
	}
	return "unknown"
}

// attrCtorTypes maps the names of attribute's constructors (functions taking
// the key first, and methods of attribute.Key) to the value type they build.
var attrCtorTypes = map[string]AttrType{
	"Bool":         AttrBool,
	"BoolSlice":    AttrBoolSlice,
	"Int":          AttrInt,
	"IntSlice":     AttrIntSlice,
	"Int64":        AttrInt,
	"Int64Slice":   AttrIntSlice,
	"Float64":      AttrFloat,
	"Float64Slice": AttrFloatSlice,
	"String":       AttrString,
	"StringSlice":  AttrStringSlice,
	"Stringer":     AttrString,
	"ByteSlice":    AttrBytes,
	"Slice":        AttrUnknown,
	"Map":          AttrUnknown,
}

// Attr is one attribute.KeyValue built in source.
type Attr struct {
	// Node is the call or composite literal that builds the KeyValue.
	Node ast.Expr
	// Key is the expression of the key: the string argument of
	// attribute.String("k", v), the receiver of attribute.Key("k").String(v)
	// or of semconv.HTTPRouteKey.String(v), the Key field of a KeyValue
	// literal. It is nil for a semconv helper function, whose key is KeyObj.
	Key ast.Expr
	// KeyObj is the attribute.Key constant of a semconv helper function
	// (semconv.HTTPUserAgent(v) → semconv.HTTPUserAgentKey), when the
	// package declares one; nil otherwise.
	KeyObj *types.Const
	// Value is the expression of the value; nil when the call has none.
	Value ast.Expr
	// Type is the value type the call builds.
	Type AttrType
	// Helper is the semconv helper function, for semconv.HTTPUserAgent(v).
	Helper *types.Func
}

// KeyString returns the key of a when it is known at compile time: a
// constant expression (a literal, a string or attribute.Key constant of any
// package, semconv's included, whose values are in export data).
func (a Attr) KeyString(info *types.Info) (string, bool) {
	if a.KeyObj != nil {
		if a.KeyObj.Val().Kind() == constant.String {
			return constant.StringVal(a.KeyObj.Val()), true
		}
		return "", false
	}
	if a.Key == nil {
		return "", false
	}
	return ConstString(info, a.Key)
}

// ConstString returns the value of e when e is a constant of string kind
// (a string literal, a string constant, a typed constant like attribute.Key).
func ConstString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// AttrOf recognises e as the construction of an attribute.KeyValue:
// attribute.String("k", v) and its siblings, a method of attribute.Key
// (attribute.Key("k").Int(v), semconv.HTTPRouteKey.String(r)), a semconv
// helper function returning a KeyValue (semconv.HTTPUserAgent(v)), or an
// attribute.KeyValue composite literal.
func AttrOf(info *types.Info, e ast.Expr) (Attr, bool) {
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.CompositeLit:
		if !isKeyValue(info.TypeOf(e)) {
			return Attr{}, false
		}
		a := Attr{Node: e}
		for _, elt := range e.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			switch id.Name {
			case "Key":
				a.Key = kv.Value
			case "Value":
				a.Value = kv.Value
				a.Type = valueCtorType(info, kv.Value)
			}
		}
		return a, a.Key != nil
	case *ast.CallExpr:
		fn := calledFunc(info, e)
		if fn == nil || fn.Pkg() == nil {
			return Attr{}, false
		}
		sig := fn.Signature()
		path := fn.Pkg().Path()
		switch {
		case path == AttributePkg && sig.Recv() == nil:
			t, ok := attrCtorTypes[fn.Name()]
			if !ok || len(e.Args) < 1 {
				return Attr{}, false
			}
			a := Attr{Node: e, Key: e.Args[0], Type: t}
			if len(e.Args) > 1 {
				a.Value = e.Args[1]
			}
			return a, true
		case path == AttributePkg && sig.Recv() != nil && isNamed(sig.Recv().Type(), AttributePkg, "Key"):
			t, ok := attrCtorTypes[fn.Name()]
			if !ok {
				return Attr{}, false
			}
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if !ok {
				return Attr{}, false
			}
			a := Attr{Node: e, Key: sel.X, Type: t}
			if len(e.Args) > 0 {
				a.Value = e.Args[0]
			}
			return a, true
		case IsSemconvPath(path) && sig.Recv() == nil && sig.Results().Len() == 1 && isKeyValue(sig.Results().At(0).Type()):
			a := Attr{Node: e, Helper: fn}
			if c, ok := fn.Pkg().Scope().Lookup(fn.Name() + "Key").(*types.Const); ok && isNamed(c.Type(), AttributePkg, "Key") {
				a.KeyObj = c
			}
			if sig.Params().Len() == 1 && len(e.Args) == 1 {
				a.Value = e.Args[0]
				a.Type = goValueType(sig.Params().At(0).Type())
			}
			return a, true
		}
	}
	return Attr{}, false
}

// IsSemconvPath reports whether path is one of the generated
// semantic-convention packages of the OpenTelemetry Go API.
func IsSemconvPath(path string) bool {
	return strings.HasPrefix(path, SemconvPrefix)
}

// attrSinks lists the functions whose attribute.KeyValue arguments become
// attributes of a span, of one of its events or links, or of an error
// recorded on it.
var attrSinks = map[string]bool{
	"(go.opentelemetry.io/otel/trace.Span).SetAttributes": true,
	"go.opentelemetry.io/otel/trace.WithAttributes":       true,
	"go.opentelemetry.io/otel/trace.LinkFromContext":      true,
}

// IsSpanAttrSink reports whether the KeyValue arguments of a call to fn end
// up on a span (its attributes, an event's, a link's, a recorded error's):
// trace.Span's SetAttributes and any concrete span's, trace.WithAttributes
// (for Start, AddEvent and RecordError), trace.LinkFromContext.
func IsSpanAttrSink(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if get(attrSinks, attrSinksNames, fn) {
		return true
	}
	sig := fn.Signature()
	if fn.Name() != "SetAttributes" || sig.Recv() == nil || !sig.Variadic() || sig.Params().Len() != 1 {
		return false
	}
	s, ok := sig.Params().At(0).Type().(*types.Slice)
	return ok && isKeyValue(s.Elem()) && implementsSpan(sig.Recv().Type())
}

// IsLinkType reports whether t is trace.Link, whose Attributes field holds
// attributes of a span's link.
func IsLinkType(t types.Type) bool { return isNamed(t, TracePkg, "Link") }

// implementsSpan reports whether t (or *t) has trace.Span's End and
// SpanContext methods: a span implementation, the SDK's included.
func implementsSpan(t types.Type) bool {
	if _, ok := t.(*types.Pointer); !ok && !types.IsInterface(t) {
		t = types.NewPointer(t)
	}
	ms := types.NewMethodSet(t)
	return ms.Lookup(nil, "End") != nil && ms.Lookup(nil, "SpanContext") != nil
}

// valueCtorType returns the type built by an attribute.Value constructor
// (attribute.StringValue(v) and its siblings).
func valueCtorType(info *types.Info, e ast.Expr) AttrType {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return AttrUnknown
	}
	fn := calledFunc(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != AttributePkg || fn.Signature().Recv() != nil {
		return AttrUnknown
	}
	name, ok := strings.CutSuffix(fn.Name(), "Value")
	if !ok {
		return AttrUnknown
	}
	return attrCtorTypes[name]
}

// goValueType maps a Go parameter type to the attribute type a semconv
// helper builds from it.
func goValueType(t types.Type) AttrType {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsString != 0:
			return AttrString
		case u.Info()&types.IsInteger != 0:
			return AttrInt
		case u.Info()&types.IsFloat != 0:
			return AttrFloat
		case u.Info()&types.IsBoolean != 0:
			return AttrBool
		}
	case *types.Slice:
		switch goValueType(u.Elem()) {
		case AttrString:
			return AttrStringSlice
		case AttrInt:
			if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
				return AttrBytes
			}
			return AttrIntSlice
		case AttrFloat:
			return AttrFloatSlice
		case AttrBool:
			return AttrBoolSlice
		}
	}
	return AttrUnknown
}

func isKeyValue(t types.Type) bool { return isNamed(t, AttributePkg, "KeyValue") }

func isNamed(t types.Type, path, name string) bool {
	if t == nil {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

// calledFunc returns the function or method a call statically calls, or nil.
func calledFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.IndexExpr:
		return calledFunc(info, &ast.CallExpr{Fun: f.X})
	default:
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	return fn
}

var (
	attrSinksNames = shortNames(attrSinks)
)
