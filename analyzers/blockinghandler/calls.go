package blockinghandler

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A call is one row of the table: a function or method, by
// types.Func.FullName, that blocks and ignores the caller's context, with
// its context-aware alternative.
type call struct {
	name   string // how messages name it: "time.Sleep", "(*sql.DB).Query"
	effect effect // what blocking without the context costs
	advice string // the alternative; %s is the context expression
	fix    fixer  // the mechanical rewrite, nil if there is none
	guard  guard  // when the call counts as blocking (nil: always)
}

// effect is what a call that ignores the request's context costs.
type effect int

const (
	keepsBlocking effect = iota // time.Sleep, net.Dial: runs on after the client is gone
	untraced                    // instrumented I/O: also not a child of the request's span
	keepsRunning                // exec.Command: the process outlives the request
)

func (e effect) String() string {
	switch e {
	case untraced:
		return "it is not cancelled when the client goes away, and its span does not join the request's trace"
	case keepsRunning:
		return "the command keeps running after the client goes away"
	}
	return "it keeps blocking after the client goes away"
}

// guard refines when a call in the table blocks: for http.NewRequest, when
// the request never gets a context; for exec.Command, when the command is
// run.
type guard int

const (
	always guard = iota
	noContextLater
	whenRun
)

// fixer builds the rewrite of c that passes ctx; nil edits mean no fix.
type fixer func(fset *token.FileSet, src []byte, c *ast.CallExpr, ctx string) []analysis.TextEdit

// calls is the table, keyed by types.Func.FullName.
var calls = map[string]call{}

// callNames holds the short names of the table's keys (the name after the
// last dot), which reject almost every call before its full name is built.
var callNames = map[string]bool{}

func init() {
	add := func(full, name string, e effect, advice string, fix fixer, g guard) {
		calls[full] = call{name: name, effect: e, advice: advice, fix: fix, guard: g}
		callNames[full[strings.LastIndexByte(full, '.')+1:]] = true
	}
	add("time.Sleep", "time.Sleep", keepsBlocking, "a select on %s.Done() and a timer", nil, always)

	for _, m := range []string{"Get", "Head", "Post", "PostForm"} {
		advice := "http.NewRequestWithContext(%s, ...) and Client.Do"
		add("net/http."+m, "http."+m, untraced, advice, nil, always)
		add("(*net/http.Client)."+m, "(*http.Client)."+m, untraced, advice, nil, always)
	}
	add("net/http.NewRequest", "http.NewRequest", untraced, "http.NewRequestWithContext(%s, ...)",
		rename("NewRequestWithContext", ""), noContextLater)

	sqlMethods := map[string][]string{
		"DB":   {"Query", "QueryRow", "Exec", "Prepare", "Begin", "Ping"},
		"Tx":   {"Query", "QueryRow", "Exec", "Prepare", "Stmt"},
		"Stmt": {"Query", "QueryRow", "Exec"},
	}
	for typ, methods := range sqlMethods {
		for _, m := range methods {
			alt, extra := m+"Context", ""
			if m == "Begin" {
				alt, extra = "BeginTx", "nil"
			}
			advice := alt + "(%s, ...)"
			if extra != "" {
				advice = alt + "(%s, " + extra + ")"
			}
			add("(*database/sql."+typ+")."+m, "(*sql."+typ+")."+m, untraced, advice, rename(alt, extra), always)
		}
	}

	// sqlx's own methods; the ones it promotes from database/sql are above.
	sqlxMethods := map[string][]string{
		"DB":   {"Get", "Select", "Queryx", "QueryRowx", "NamedExec", "NamedQuery", "MustExec", "Preparex", "PrepareNamed", "Beginx", "MustBegin"},
		"Tx":   {"Get", "Select", "Queryx", "QueryRowx", "NamedExec", "MustExec", "Preparex", "PrepareNamed", "Stmtx", "NamedStmt"},
		"Stmt": {"Get", "Select", "Queryx", "QueryRowx", "MustExec"},
	}
	for typ, methods := range sqlxMethods {
		for _, m := range methods {
			alt, extra := m+"Context", ""
			switch m {
			case "Beginx":
				alt, extra = "BeginTxx", "nil"
			case "MustBegin":
				alt, extra = "MustBeginTx", "nil"
			}
			advice := alt + "(%s, ...)"
			if extra != "" {
				advice = alt + "(%s, " + extra + ")"
			}
			add("(*github.com/jmoiron/sqlx."+typ+")."+m, "(*sqlx."+typ+")."+m, untraced, advice, rename(alt, extra), always)
		}
	}

	add("os/exec.Command", "exec.Command", keepsRunning, "exec.CommandContext(%s, ...)", rename("CommandContext", ""), whenRun)

	add("net.Dial", "net.Dial", keepsBlocking, "(&net.Dialer{}).DialContext(%s, ...)", dialer(false), always)
	add("net.DialTimeout", "net.DialTimeout", keepsBlocking, "(&net.Dialer{Timeout: ...}).DialContext(%s, ...)", dialer(true), always)
	add("(*net.Dialer).Dial", "(*net.Dialer).Dial", keepsBlocking, "DialContext(%s, ...)", rename("DialContext", ""), always)
	for _, m := range []string{"LookupHost", "LookupIP", "LookupAddr", "LookupCNAME", "LookupMX", "LookupNS", "LookupTXT", "LookupSRV", "LookupPort"} {
		add("net."+m, "net."+m, keepsBlocking, "net.DefaultResolver."+m+"(%s, ...)", resolver(m), always)
	}
}

// rename rewrites x.M(args) to x.Alt(ctx, args[, extra]).
func rename(alt, extra string) fixer {
	return func(_ *token.FileSet, _ []byte, c *ast.CallExpr, ctx string) []analysis.TextEdit {
		id := funcIdent(c)
		if id == nil || c.Ellipsis.IsValid() && len(c.Args) == 1 {
			return nil
		}
		args := ctx
		switch {
		case extra != "":
			args += ", " + extra // Begin() takes no arguments
		case len(c.Args) > 0:
			args += ", "
		}
		return []analysis.TextEdit{
			{Pos: id.Pos(), End: id.End(), NewText: []byte(alt)},
			{Pos: c.Lparen + 1, End: c.Lparen + 1, NewText: []byte(args)},
		}
	}
}

// dialer rewrites net.Dial(n, a) to (&net.Dialer{}).DialContext(ctx, n, a)
// and net.DialTimeout(n, a, t) to (&net.Dialer{Timeout: t}).DialContext(ctx, n, a).
func dialer(timeout bool) fixer {
	return func(fset *token.FileSet, src []byte, c *ast.CallExpr, ctx string) []analysis.TextEdit {
		q := qualifier(c)
		want := 2
		if timeout {
			want = 3
		}
		if q == "" || len(c.Args) != want || c.Ellipsis.IsValid() {
			return nil
		}
		network, addr := text(fset, src, c.Args[0]), text(fset, src, c.Args[1])
		fields := ""
		if timeout {
			fields = "Timeout: " + text(fset, src, c.Args[2])
			if fields == "Timeout: " {
				return nil
			}
		}
		if network == "" || addr == "" {
			return nil
		}
		return []analysis.TextEdit{{
			Pos: c.Pos(), End: c.End(),
			NewText: fmt.Appendf(nil, "(&%s.Dialer{%s}).DialContext(%s, %s, %s)", q, fields, ctx, network, addr),
		}}
	}
}

// resolver rewrites net.LookupX(args) to net.DefaultResolver.LookupX(ctx, args);
// net.LookupIP(host) becomes net.DefaultResolver.LookupIP(ctx, "ip", host).
func resolver(method string) fixer {
	return func(_ *token.FileSet, _ []byte, c *ast.CallExpr, ctx string) []analysis.TextEdit {
		q := qualifier(c)
		if q == "" || c.Ellipsis.IsValid() {
			return nil
		}
		args := ctx + ", "
		if method == "LookupIP" {
			args += `"ip", `
		}
		return []analysis.TextEdit{
			{Pos: c.Fun.Pos(), End: c.Fun.End(), NewText: []byte(q + ".DefaultResolver." + method)},
			{Pos: c.Lparen + 1, End: c.Lparen + 1, NewText: []byte(args)},
		}
	}
}

// funcIdent returns the identifier naming the called function: M in x.M(...)
// or in M(...).
func funcIdent(c *ast.CallExpr) *ast.Ident {
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.SelectorExpr:
		return f.Sel
	case *ast.Ident:
		return f
	}
	return nil
}

// qualifier returns "net" in net.Dial(...): the name the file imports the
// package under; "" for a dot import.
func qualifier(c *ast.CallExpr) string {
	if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			return id.Name
		}
	}
	return ""
}

// text returns the source text of n.
func text(fset *token.FileSet, src []byte, n ast.Node) string {
	tf := fset.File(n.Pos())
	if tf == nil || src == nil {
		return ""
	}
	start, end := tf.Offset(n.Pos()), tf.Offset(n.End())
	if start < 0 || end > len(src) || start > end {
		return ""
	}
	return strings.TrimSpace(string(src[start:end]))
}
