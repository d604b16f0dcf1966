package ctxscope

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/spawn"
)

// Spawns is an object fact: the function runs its function parameter Param
// in a new goroutine (a goroutine-spawning helper). goctx checks the
// function given to it like a go statement's, and spanctx leaves fresh
// starts in it to goctx.
type Spawns struct{ Param int }

func (*Spawns) AFact()           {}
func (f *Spawns) String() string { return fmt.Sprintf("spawns(%d)", f.Param) }

// SpawnedArg reports whether call runs one of its arguments in a new
// goroutine (errgroup, sync.WaitGroup.Go, or a helper with a Spawns fact),
// and which.
func (r *Result) SpawnedArg(call *ast.CallExpr) (int, bool) {
	fn, ok := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
	if !ok || len(call.Args) == 0 {
		return 0, false
	}
	if otelapi.IsGoroutineSpawner(fn) {
		return len(call.Args) - 1, true
	}
	fn = fn.Origin()
	if fn.Pkg() == r.pass.Pkg {
		if i, ok := r.spawns[fn]; ok && i < len(call.Args) {
			return i, true
		}
		return 0, false
	}
	f := new(Spawns)
	if fn.Pkg() != nil && !r.noFacts && r.pass.ImportObjectFact(fn, f) && f.Param < len(call.Args) {
		return f.Param, true
	}
	return 0, false
}

// computeSpawns finds this package's goroutine-spawning helpers, to a
// fixed point (a helper handing its parameter to another). Test files are
// program entries, not helpers.
func (r *Result) computeSpawns(decls []*ast.FuncDecl) {
	info := r.pass.TypesInfo
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			fn := info.Defs[d.Name].(*types.Func)
			if _, done := r.spawns[fn]; done || IsProgramEntryFile(r.pass.Fset, d.Pos()) {
				continue
			}
			if ps := spawn.Params(info, fn, d.Body, r.SpawnedArg); len(ps) > 0 {
				r.spawns[fn] = ps[0]
				changed = true
			}
		}
	}
}
