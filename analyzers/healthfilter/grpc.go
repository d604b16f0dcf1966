package healthfilter

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/fiximport"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
)

// Full names of the gRPC and otelgrpc functions the gRPC check reads; the
// health service's registration is otelapi's knowledge.
const (
	grpcNewServer      = otelapi.GRPCPkg + ".NewServer"
	grpcStatsHandler   = otelapi.GRPCPkg + ".StatsHandler"
	otelgrpcFiltersPkg = otelapi.OtelgrpcPkg + "/filters"
)

// importsOtelgrpc reports whether pkg imports otelgrpc: a gRPC server
// traced by its stats handler must name it.
func importsOtelgrpc(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == otelapi.OtelgrpcPkg {
			return true
		}
	}
	return false
}

// checkGRPC reports, in fd, a grpc.NewServer whose options (written in the
// call) include grpc.StatsHandler(otelgrpc.NewServerHandler(...)) with no
// otelgrpc.WithFilter among that handler's options (written in the call),
// on a server fd registers the gRPC health service on
// (grpc_health_v1.RegisterHealthServer(srv, ...)): every health check is
// traced. Options held elsewhere, or a server registered elsewhere, are
// not seen: silent.
func (c *checker) checkGRPC(file *ast.File, fd *ast.FuncDecl) {
	info := c.pass.TypesInfo
	servers := map[*types.Var]*ast.CallExpr{} // server variable → its NewServerHandler call
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok || !otelapi.IsFunc(calleeFunc(info, call), grpcNewServer) || call.Ellipsis.IsValid() {
			return true
		}
		id, ok := as.Lhs[0].(*ast.Ident)
		if !ok {
			return true
		}
		v, _ := info.ObjectOf(id).(*types.Var)
		if v == nil {
			return true
		}
		for _, arg := range call.Args {
			sh, ok := ast.Unparen(arg).(*ast.CallExpr)
			if !ok || !otelapi.IsFunc(calleeFunc(info, sh), grpcStatsHandler) || len(sh.Args) != 1 {
				continue
			}
			h, ok := ast.Unparen(sh.Args[0]).(*ast.CallExpr)
			if ok && otelapi.IsFunc(calleeFunc(info, h), otelapi.OtelgrpcPkg+".NewServerHandler") && !h.Ellipsis.IsValid() && !c.grpcFiltered(h) {
				servers[v] = h
			}
		}
		return true
	})
	if len(servers) == 0 {
		return
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) < 1 || !otelapi.RegistersGRPCHealth(calleeFunc(info, call)) {
			return true
		}
		id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
		if !ok {
			return true
		}
		v, _ := info.Uses[id].(*types.Var)
		if h, ok := servers[v]; ok {
			delete(servers, v) // once per server
			d := analysis.Diagnostic{
				Pos: h.Pos(), End: h.End(),
				Message: "otelgrpc.NewServerHandler traces the gRPC health service registered on this server: it has no otelgrpc.WithFilter (every health check from every load balancer and replica becomes a trace of its own; filter it out with filters.Not(filters.HealthCheck()))",
				Related: []analysis.RelatedInformation{{Pos: call.Pos(), End: call.End(), Message: "the health service is registered here"}},
			}
			if fix, ok := c.grpcFix(file, h); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
			c.pass.Report(d)
		}
		return true
	})
}

// grpcFiltered reports whether an option of the otelgrpc handler call h
// may be a filter: otelgrpc.WithFilter, or an option the rule cannot see
// into (a variable, a helper's result).
func (c *checker) grpcFiltered(h *ast.CallExpr) bool {
	for _, arg := range h.Args {
		opt, ok := ast.Unparen(arg).(*ast.CallExpr)
		if !ok {
			return true // an option from a variable: not seen
		}
		fn := calleeFunc(c.pass.TypesInfo, opt)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != otelapi.OtelgrpcPkg || fn.Name() == "WithFilter" {
			return true
		}
	}
	return false
}

// grpcFix appends otelgrpc.WithFilter(filters.Not(filters.HealthCheck()))
// to the handler's options, importing otelgrpc's filters package.
func (c *checker) grpcFix(file *ast.File, h *ast.CallExpr) (analysis.SuggestedFix, bool) {
	// After the last option, not before the parenthesis: options written
	// over several lines end with a comma.
	pos, sep := h.Rparen, ""
	if len(h.Args) > 0 {
		pos, sep = h.Args[len(h.Args)-1].End(), ", "
	}
	otelgrpc, e1, ok := fiximport.Name(c.pass, file, pos, otelapi.OtelgrpcPkg, "otelgrpc")
	if !ok || e1 != nil {
		return analysis.SuggestedFix{}, false
	}
	filters, e2, ok := fiximport.Name(c.pass, file, pos, otelgrpcFiltersPkg, "filters", "grpcfilters")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edits := []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(sep + otelgrpc + ".WithFilter(" + filters + ".Not(" + filters + ".HealthCheck()))")}}
	if e2 != nil {
		edits = append(edits, *e2)
	}
	return analysis.SuggestedFix{Message: "Leave the health checks out of tracing with otelgrpc.WithFilter", TextEdits: edits}, true
}

func calleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}
