// Package handlers recognises request handlers from their types: net/http
// handler functions and ServeHTTP methods, httprouter, Connect, gin, echo
// and fiber handlers, and gRPC server methods. Framework types are matched by import path and type
// name, so the frameworks need not be dependencies of otellint.
//
// To recognise another framework, add a row to Frameworks.
package handlers

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// Framework describes the handler signature of one web framework: the
// parameters, in order, and the results, plus how to reach the request's
// context from the parameter that carries the request.
type Framework struct {
	Kind    string    // "HTTP", "gin", ...: names the handler in messages
	Params  []TypeRef // the handler's parameter types, in order
	Results []TypeRef // the handler's result types, in order
	Request int       // index of the parameter that carries the request
	Context string    // format of the context expression, %s is that parameter's name
}

// TypeRef names a type by import path and name; Path "" is a predeclared
// type such as error.
type TypeRef struct {
	Path, Name string
	Pointer    bool
}

var errorType = TypeRef{Name: "error"}

// Frameworks is the table of handler signatures recognised by their
// parameter types. gRPC server methods are recognised by their receiver,
// see Of.
var Frameworks = []Framework{
	{
		Kind:    "HTTP",
		Params:  []TypeRef{{Path: "net/http", Name: "ResponseWriter"}, {Path: "net/http", Name: "Request", Pointer: true}},
		Request: 1, Context: "%s.Context()",
	},
	{
		Kind: "HTTP", // julienschmidt/httprouter's Handle
		Params: []TypeRef{{Path: "net/http", Name: "ResponseWriter"}, {Path: "net/http", Name: "Request", Pointer: true},
			{Path: "github.com/julienschmidt/httprouter", Name: "Params"}},
		Request: 1, Context: "%s.Context()",
	},
	{
		Kind: "Connect", // connectrpc.com/connect unary handlers
		Params: []TypeRef{{Path: "context", Name: "Context"},
			{Path: "connectrpc.com/connect", Name: "Request", Pointer: true}},
		Results: []TypeRef{{Path: "connectrpc.com/connect", Name: "Response", Pointer: true}, errorType},
		Request: 0, Context: "%s",
	},
	{
		Kind:    "gin",
		Params:  []TypeRef{{Path: "github.com/gin-gonic/gin", Name: "Context", Pointer: true}},
		Request: 0, Context: "%s.Request.Context()",
	},
	{
		Kind:    "echo",
		Params:  []TypeRef{{Path: "github.com/labstack/echo/v4", Name: "Context"}},
		Results: []TypeRef{errorType},
		Request: 0, Context: "%s.Request().Context()",
	},
	{
		Kind:    "fiber",
		Params:  []TypeRef{{Path: "github.com/gofiber/fiber/v2", Name: "Ctx", Pointer: true}},
		Results: []TypeRef{errorType},
		Request: 0, Context: "%s.UserContext()",
	},
}

// Handler is a function recognised as a request handler.
type Handler struct {
	Kind string // "HTTP", "Connect", "gin", "echo", "fiber", "gRPC"
	Name string // the function's name; "" for a function literal
	// Context is the expression of the request's context, built from the
	// parameter carrying the request ("r.Context()", "ctx"); "" when that
	// parameter is unnamed or blank.
	Context string
	// Param is the parameter that Context is built from, nil when Context
	// is "".
	Param *types.Var
}

// Describe names the handler for a message: `HTTP handler "getUser"`,
// `gin handler`, `gRPC method "GetUser"`.
func (h Handler) Describe() string {
	noun := "handler"
	if h.Kind == "gRPC" {
		noun = "method"
	}
	if h.Name == "" {
		return h.Kind + " " + noun
	}
	return fmt.Sprintf("%s %s %q", h.Kind, noun, h.Name)
}

// Of reports whether fn (an *ast.FuncDecl or *ast.FuncLit) is a request
// handler, and which.
func Of(info *types.Info, fn ast.Node) (Handler, bool) {
	var (
		name string
		ftyp *ast.FuncType
		recv *ast.FieldList
	)
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		name, ftyp, recv = fn.Name.Name, fn.Type, fn.Recv
	case *ast.FuncLit:
		ftyp = fn.Type
	default:
		return Handler{}, false
	}
	params := fieldVars(info, ftyp.Params)
	results := fieldVars(info, ftyp.Results)
	for _, fw := range Frameworks {
		if matches(params, fw.Params) && matches(results, fw.Results) {
			h := Handler{Kind: fw.Kind, Name: name}
			if p := params[fw.Request]; usable(p) {
				h.Context, h.Param = fmt.Sprintf(fw.Context, p.Name()), p
			}
			return h, true
		}
	}
	if recv != nil && len(recv.List) == 1 {
		if tv, ok := info.Types[recv.List[0].Type]; ok {
			if h, ok := grpcMethod(tv.Type, name, params, results); ok {
				return h, true
			}
		}
	}
	return Handler{}, false
}

// usable reports whether p can be named in a context expression.
func usable(p *types.Var) bool { return p.Name() != "" && p.Name() != "_" }

// fieldVars returns the variables of a parameter or result list, one per
// name (an unnamed field is one variable).
func fieldVars(info *types.Info, fl *ast.FieldList) []*types.Var {
	if fl == nil {
		return nil
	}
	var out []*types.Var
	for _, f := range fl.List {
		if len(f.Names) == 0 {
			t := info.TypeOf(f.Type)
			if t == nil {
				return nil // ill-typed
			}
			out = append(out, types.NewParam(f.Pos(), nil, "", t))
			continue
		}
		for _, n := range f.Names {
			v, ok := info.Defs[n].(*types.Var)
			if !ok {
				return nil
			}
			out = append(out, v)
		}
	}
	return out
}

func matches(vars []*types.Var, refs []TypeRef) bool {
	if len(vars) != len(refs) {
		return false
	}
	for i, r := range refs {
		if !r.is(vars[i].Type()) {
			return false
		}
	}
	return true
}

func (r TypeRef) is(t types.Type) bool {
	if r.Path == "" {
		return types.Identical(t, types.Universe.Lookup(r.Name).Type())
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		if !r.Pointer {
			return false
		}
		t = types.Unalias(p.Elem())
	} else if r.Pointer {
		return false
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Name() == r.Name && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == r.Path
}

// grpcMethod recognises a gRPC server method: method name on a receiver
// of type recv, with the unary signature (ctx context.Context, req *Req)
// (*Resp, error) or a streaming signature ending in a server stream
// parameter and returning error, where the receiver is a gRPC server: it
// embeds the generated Unimplemented...Server that has this method, or the
// request's package declares a generated ...Server interface with a method
// of that name and a Register...Server function for it.
func grpcMethod(recv types.Type, name string, params, results []*types.Var) (Handler, bool) {
	h := Handler{Kind: "gRPC", Name: name}
	var req types.Type
	switch {
	case len(params) == 2 && isContext(params[0].Type()) && len(results) == 2 &&
		errorType.is(results[1].Type()) && isPointer(params[1].Type()) && isPointer(results[0].Type()):
		req = params[1].Type() // unary
		if usable(params[0]) {
			h.Context, h.Param = params[0].Name(), params[0]
		}
	case len(params) >= 1 && len(results) == 1 && errorType.is(results[0].Type()) && isServerStream(params[len(params)-1].Type()):
		s := params[len(params)-1] // streaming: (req, stream) or (stream)
		if len(params) == 2 {
			req = params[0].Type()
		} else if len(params) != 1 {
			return Handler{}, false
		}
		if usable(s) {
			h.Context, h.Param = s.Name()+".Context()", s
		}
	default:
		return Handler{}, false
	}
	named := receiverNamed(recv)
	if named == nil || strings.HasPrefix(named.Obj().Name(), "Unimplemented") {
		return Handler{}, false // the generated stubs themselves
	}
	if embedsUnimplemented(named, name) || declaredByService(req, name) {
		return h, true
	}
	return Handler{}, false
}

func isContext(t types.Type) bool { return (TypeRef{Path: "context", Name: "Context"}).is(t) }

func isPointer(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok
}

// isServerStream reports whether t has the methods of grpc.ServerStream
// that matter here: Context, SendMsg and RecvMsg.
// IsServerStream reports whether t is a gRPC server stream: it has
// Context, SendMsg and RecvMsg, and its sends and receives stop with the
// stream's context.
func IsServerStream(t types.Type) bool { return isServerStream(t) }

func isServerStream(t types.Type) bool {
	if !mayHaveMethods(t) {
		return false
	}
	return serverStreamMethods(types.NewMethodSet(t))
}

// serverStreamMethods reports whether ms has a gRPC server stream's
// Context, SendMsg and RecvMsg methods.
func serverStreamMethods(ms *types.MethodSet) bool {
	ctx := ms.Lookup(nil, "Context")
	if ctx == nil || ms.Lookup(nil, "SendMsg") == nil || ms.Lookup(nil, "RecvMsg") == nil {
		return false
	}
	sig, ok := ctx.Obj().Type().(*types.Signature)
	return ok && sig.Params().Len() == 0 && sig.Results().Len() == 1 && isContext(sig.Results().At(0).Type())
}

func receiverNamed(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// embedsUnimplemented reports whether the struct under named embeds a
// generated Unimplemented...Server type that has a method called method.
func embedsUnimplemented(named *types.Named, method string) bool {
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if !f.Embedded() {
			continue
		}
		emb := receiverNamed(f.Type())
		if emb == nil {
			continue
		}
		n := emb.Obj().Name()
		if !strings.HasPrefix(n, "Unimplemented") || !strings.HasSuffix(n, "Server") {
			continue
		}
		if obj, _, _ := types.LookupFieldOrMethod(f.Type(), true, emb.Obj().Pkg(), method); obj != nil {
			if _, isFunc := obj.(*types.Func); isFunc {
				return true
			}
		}
	}
	return false
}

// declaredByService reports whether the package of the request type req
// declares a generated service interface XServer with a method called
// method, and a RegisterXServer function.
func declaredByService(req types.Type, method string) bool {
	n := receiverNamed(req)
	if n == nil || n.Obj().Pkg() == nil {
		return false
	}
	scope := n.Obj().Pkg().Scope()
	for _, name := range scope.Names() {
		if !strings.HasSuffix(name, "Server") || scope.Lookup("Register"+name) == nil {
			continue
		}
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		if iface, ok := tn.Type().Underlying().(*types.Interface); ok {
			for i := range iface.NumMethods() {
				if iface.Method(i).Name() == method {
					return true
				}
			}
		}
	}
	return false
}

// CarriesRequest reports whether a parameter of type t gives a function
// access to a request's context: a context.Context (or a type that
// implements it, such as *gin.Context), an *http.Request, a framework's
// request parameter, or a gRPC server stream.
func CarriesRequest(t types.Type) bool {
	if isContext(t) {
		return true
	}
	if (TypeRef{Path: "net/http", Name: "Request", Pointer: true}).is(t) {
		return true
	}
	for _, fw := range Frameworks {
		if fw.Params[fw.Request].is(t) {
			return true
		}
	}
	if !mayHaveMethods(t) {
		return false
	}
	ms := types.NewMethodSet(t) // one method set for both questions: building it is costly
	return contextMethods(ms) || serverStreamMethods(ms)
}

// mayHaveMethods reports whether values of type t can have methods: not
// a basic type, nor a slice, map, channel, array or function type.
func mayHaveMethods(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := types.Unalias(t).(type) {
	case *types.Named, *types.Interface, *types.TypeParam:
		return true
	case *types.Struct:
		for i := range u.NumFields() {
			if u.Field(i).Embedded() {
				return true
			}
		}
	}
	return false
}

// contextMethods reports whether ms has the methods of context.Context.
func contextMethods(ms *types.MethodSet) bool {
	for _, m := range []string{"Deadline", "Done", "Err", "Value"} {
		if ms.Lookup(nil, m) == nil {
			return false
		}
	}
	return true
}
