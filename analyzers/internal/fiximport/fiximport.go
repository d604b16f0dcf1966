// Package fiximport finds or adds the import a suggested fix needs.
package fiximport

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// Name returns the name under which file imports the package path, usable
// by code inserted at pos, or a name and an edit that imports it. The
// file's own import name is used when it is not shadowed at pos; otherwise
// the package is imported under one of names (the first free one: declared
// nowhere at pos, in the package scope, or as another import's name).
// With no name usable there is no fix: ok is false.
func Name(pass *analysis.Pass, file *ast.File, pos token.Pos, path string, names ...string) (name string, edit *analysis.TextEdit, ok bool) {
	scope := pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return "", nil, false
	}
	for _, imp := range file.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p != path {
			continue
		}
		if imp.Name != nil && (imp.Name.Name == "_" || imp.Name.Name == ".") {
			continue
		}
		var pn *types.PkgName
		if imp.Name != nil {
			pn, _ = pass.TypesInfo.Defs[imp.Name].(*types.PkgName)
		} else {
			pn, _ = pass.TypesInfo.Implicits[imp].(*types.PkgName)
		}
		if pn == nil {
			continue
		}
		if _, obj := scope.LookupParent(pn.Name(), pos); obj == pn {
			return pn.Name(), nil, true
		}
	}
	free := func(n string) bool {
		if pass.Pkg.Scope().Lookup(n) != nil {
			return false
		}
		if _, obj := scope.LookupParent(n, pos); obj != nil {
			return false
		}
		for _, imp := range file.Imports {
			if imp.Name != nil && imp.Name.Name == n {
				return false
			}
			if p, _ := strconv.Unquote(imp.Path.Value); imp.Name == nil && lastElem(p) == n {
				return false
			}
		}
		return true
	}
	for _, n := range names {
		if !free(n) {
			continue
		}
		spec := strconv.Quote(path)
		if n != lastElem(path) {
			spec = n + " " + spec
		}
		for _, d := range file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.IMPORT {
				continue
			}
			if gd.Lparen.IsValid() {
				return n, &analysis.TextEdit{Pos: gd.Rparen, End: gd.Rparen, NewText: []byte("\t" + spec + "\n")}, true
			}
			return n, &analysis.TextEdit{Pos: gd.End(), End: gd.End(), NewText: []byte("\nimport " + spec)}, true
		}
		// No import declaration yet: one after the package clause.
		return n, &analysis.TextEdit{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + spec)}, true
	}
	return "", nil, false
}

func lastElem(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[i+1:]
		}
	}
	return path
}
