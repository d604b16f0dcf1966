package spanname

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
)

const attributePkg = "go.opentelemetry.io/otel/attribute"

// splitName is a span name made of a constant prefix and one variable.
type splitName struct {
	prefix string
	val    ast.Expr       // the variable
	ctor   string         // the attribute constructor for val: String, Int, Int64
	pkg    *types.PkgName // the package whose call the rewrite removes (fmt, strconv), or nil
	pkgUse *ast.Ident     // that call's package identifier
}

// fix returns the rewrite of a Start call whose name is a constant prefix
// and one unbounded variable ("get_account/" + id, fmt.Sprintf("get_account
// %s", id), "order-" + strconv.Itoa(n)): the prefix, trimmed of
// separators, becomes the name and the variable an attribute keyed
// "<name>.<variable in snake_case>", passed with trace.WithAttributes.
func (c *checker) fix(file *ast.File, s site, part *dynPart) (analysis.SuggestedFix, bool) {
	if part.known || s.call == nil || s.call.Ellipsis.IsValid() || !c.takesStartOptions(s.call) {
		return analysis.SuggestedFix{}, false
	}
	sn, ok := c.split(s.expr)
	if !ok || sn.val != part.expr {
		return analysis.SuggestedFix{}, false
	}
	name := strings.TrimRight(strings.TrimSpace(sn.prefix), " /:-_.#=@,;|")
	if name == "" || strings.ContainsAny(name, "%\n") {
		return analysis.SuggestedFix{}, false
	}
	key := snake(lastName(sn.val))
	if k := keyPrefix(name); k != "" {
		key = k + "." + key
	}
	if key == "" {
		return analysis.SuggestedFix{}, false
	}
	var edits []analysis.TextEdit
	var adds []string
	pos := s.call.Pos()
	traceName, ok := c.importName(file, otelapi.TracePkg, "trace", pos, &adds)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	attrName, ok := c.importName(file, attributePkg, "attribute", pos, &adds)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	if sn.pkg != nil {
		del, ok := c.dropImport(file, sn.pkg, sn.pkgUse)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		edits = append(edits, del...)
	}
	if len(adds) > 0 {
		e, ok := addImports(file, adds)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		edits = append(edits, e)
	}
	val := types.ExprString(sn.val)
	edits = append(edits,
		analysis.TextEdit{Pos: s.expr.Pos(), End: s.expr.End(), NewText: []byte(strconv.Quote(name))},
		// After the last argument, not before the parenthesis: a call
		// written over several lines ends its arguments with a comma.
		analysis.TextEdit{Pos: s.call.Args[len(s.call.Args)-1].End(), End: s.call.Args[len(s.call.Args)-1].End(), NewText: []byte(
			", " + traceName + ".WithAttributes(" + attrName + "." + sn.ctor + "(" + strconv.Quote(key) + ", " + val + "))")},
	)
	return analysis.SuggestedFix{
		Message:   "Name the span " + strconv.Quote(name) + " and record " + val + " as attribute " + key,
		TextEdits: edits,
	}, true
}

// split reports whether e is a constant prefix and one variable.
func (c *checker) split(e ast.Expr) (splitName, bool) {
	info := c.pass.TypesInfo
	constString := func(e ast.Expr) (string, bool) {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil {
			return "", false
		}
		s, err := strconv.Unquote(tv.Value.ExactString())
		return s, err == nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		prefix, ok := constString(e.X)
		if !ok || e.Op != token.ADD {
			return splitName{}, false
		}
		y := ast.Unparen(e.Y)
		if isVarRef(info, y) && isString(info.TypeOf(y)) {
			return splitName{prefix: prefix, val: y, ctor: "String"}, true
		}
		call, ok := y.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return splitName{}, false
		}
		fn, ok := typeutil.Callee(info, call).(*types.Func)
		if !ok || fn.FullName() != "strconv.Itoa" {
			return splitName{}, false
		}
		pkg, use := pkgOf(info, call)
		if arg := ast.Unparen(call.Args[0]); isVarRef(info, arg) && pkg != nil {
			return splitName{prefix: prefix, val: arg, ctor: "Int", pkg: pkg, pkgUse: use}, true
		}
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		if !ok || fn.FullName() != "fmt.Sprintf" || len(e.Args) != 2 || e.Ellipsis.IsValid() {
			return splitName{}, false
		}
		format, ok := constString(e.Args[0])
		if !ok || strings.Count(format, "%") != 1 || len(format) < 2 {
			return splitName{}, false
		}
		prefix, verb := format[:len(format)-2], format[len(format)-2:]
		arg := ast.Unparen(e.Args[1])
		pkg, use := pkgOf(info, e)
		if !isVarRef(info, arg) || pkg == nil {
			return splitName{}, false
		}
		var ctor string
		t := info.TypeOf(arg)
		switch {
		case (verb == "%s" || verb == "%v") && isString(t):
			ctor = "String"
		case (verb == "%d" || verb == "%v") && isBasic(t, types.Int):
			ctor = "Int"
		case (verb == "%d" || verb == "%v") && isBasic(t, types.Int64):
			ctor = "Int64"
		default:
			return splitName{}, false
		}
		return splitName{prefix: prefix, val: arg, ctor: ctor, pkg: pkg, pkgUse: use}, true
	}
	return splitName{}, false
}

// isVarRef reports whether e is a variable or a field path (id, req.ID).
func isVarRef(info *types.Info, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		_, ok := info.Uses[e].(*types.Var)
		return ok
	case *ast.SelectorExpr:
		sel := info.Selections[e]
		return sel != nil && sel.Kind() == types.FieldVal && isVarRef(info, ast.Unparen(e.X))
	}
	return false
}

func isString(t types.Type) bool {
	b, ok := types.Unalias(t).(*types.Basic)
	return ok && b.Kind() == types.String
}

func isBasic(t types.Type, k types.BasicKind) bool {
	b, ok := types.Unalias(t).(*types.Basic)
	return ok && b.Kind() == k
}

// pkgOf returns the package name that call's function is qualified with.
func pkgOf(info *types.Info, call *ast.CallExpr) (*types.PkgName, *ast.Ident) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, nil
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil, nil
	}
	pn, _ := info.Uses[id].(*types.PkgName)
	return pn, id
}

func lastName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return ""
}

// snake spells a Go name in snake_case: accountID -> account_id.
func snake(name string) string { return strings.Join(words(name), "_") }

// keyPrefix turns a span name into an attribute namespace: lower case,
// runs of other characters than letters, digits, '_' and '.' become '_'.
func keyPrefix(name string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '.' {
			b.WriteRune(r)
			under = false
		} else if !under {
			b.WriteByte('_')
			under = true
		}
	}
	return strings.Trim(b.String(), "_.")
}

// importName returns the name under which file can refer to the package
// path at pos: its import's name, or def when it is not imported and def
// is free there (the import is then added to adds).
func (c *checker) importName(file *ast.File, path, def string, pos token.Pos, adds *[]string) (string, bool) {
	info := c.pass.TypesInfo
	scope := c.pass.Pkg.Scope().Innermost(pos)
	for _, spec := range file.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil || p != path {
			continue
		}
		var pn *types.PkgName
		if spec.Name != nil {
			pn, _ = info.Defs[spec.Name].(*types.PkgName)
		} else {
			pn, _ = info.Implicits[spec].(*types.PkgName)
		}
		if pn == nil || pn.Name() == "_" || pn.Name() == "." {
			return "", false
		}
		if scope != nil {
			if _, obj := scope.LookupParent(pn.Name(), pos); obj != pn {
				return "", false // shadowed
			}
		}
		return pn.Name(), true
	}
	if scope == nil {
		return "", false
	}
	if _, obj := scope.LookupParent(def, pos); obj != nil {
		return "", false
	}
	for _, spec := range file.Imports {
		if spec.Name != nil && spec.Name.Name == def {
			return "", false
		}
	}
	*adds = append(*adds, path)
	return def, true
}

// addImports returns the edit that imports paths into file.
func addImports(file *ast.File, paths []string) (analysis.TextEdit, bool) {
	var text strings.Builder
	for _, d := range file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.IMPORT || !g.Lparen.IsValid() {
			continue
		}
		for _, p := range paths {
			text.WriteString("\n\t" + strconv.Quote(p))
		}
		return analysis.TextEdit{Pos: g.Lparen + 1, End: g.Lparen + 1, NewText: []byte(text.String())}, true
	}
	text.WriteString("\n\nimport (")
	for _, p := range paths {
		text.WriteString("\n\t" + strconv.Quote(p))
	}
	text.WriteString("\n)")
	return analysis.TextEdit{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte(text.String())}, true
}

// dropImport returns the edits that delete the import of pkg when use is
// its only use in file. It fails when another use is inside the name of
// another span start, which a fix of its own may remove too.
func (c *checker) dropImport(file *ast.File, pkg *types.PkgName, use *ast.Ident) ([]analysis.TextEdit, bool) {
	info := c.pass.TypesInfo
	others := 0
	inName := false
	ast.Inspect(file, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if st, ok := c.sp.StartCall(call); ok && st.Name != nil {
				ast.Inspect(st.Name, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok && id != use && info.Uses[id] == pkg {
						inName = true
					}
					return true
				})
			}
		}
		if id, ok := n.(*ast.Ident); ok && id != use && info.Uses[id] == pkg {
			others++
		}
		return true
	})
	if inName {
		return nil, false
	}
	if others > 0 {
		return nil, true
	}
	tf := c.pass.Fset.File(file.Pos())
	lines := func(from, to token.Pos) (analysis.TextEdit, bool) {
		first, last := tf.Line(from), tf.Line(to)
		if last >= tf.LineCount() {
			return analysis.TextEdit{}, false
		}
		return analysis.TextEdit{Pos: tf.LineStart(first), End: tf.LineStart(last + 1)}, true
	}
	for _, d := range file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.IMPORT {
			continue
		}
		for _, sp := range g.Specs {
			spec := sp.(*ast.ImportSpec)
			pn := info.Implicits[spec]
			if spec.Name != nil {
				pn = info.Defs[spec.Name]
			}
			if pn != pkg {
				continue
			}
			if spec.Doc != nil || spec.Comment != nil {
				return nil, false
			}
			if len(g.Specs) == 1 && !g.Lparen.IsValid() {
				if g.Doc != nil {
					return nil, false
				}
				e, ok := lines(g.Pos(), g.End())
				return []analysis.TextEdit{e}, ok
			}
			e, ok := lines(spec.Pos(), spec.End())
			return []analysis.TextEdit{e}, ok
		}
	}
	return nil, false
}

// takesStartOptions reports whether call's function ends with a
// ...trace.SpanStartOption parameter (a tracer's Start, not a look-alike
// method without options).
func (c *checker) takesStartOptions(call *ast.CallExpr) bool {
	fn := c.sp.Callee(call)
	if fn == nil {
		return false
	}
	sig := fn.Signature()
	n := sig.Params().Len()
	if !sig.Variadic() || n == 0 {
		return false
	}
	sl, ok := sig.Params().At(n - 1).Type().(*types.Slice)
	return ok && otelapi.IsNamed(sl.Elem(), otelapi.TracePkg, "SpanStartOption")
}
