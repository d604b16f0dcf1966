package otelapi

import (
	"go/token"
	"go/types"
	"testing"
)

func TestMayTraceServer(t *testing.T) {
	fn := func(path, name string) types.Object {
		pkg := types.NewPackage(path, path[len(path)-1:])
		return types.NewFunc(token.NoPos, pkg, name, types.NewSignatureType(nil, nil, nil, nil, nil, false))
	}
	for _, c := range []struct {
		obj  types.Object
		want bool
	}{
		{fn(OtelhttpPkg, "NewHandler"), true},
		{fn(OtelhttpPkg, "NewMiddleware"), true},
		{fn(InstrumentationPrefix+"github.com/gorilla/mux/otelmux", "Middleware"), true},
		{fn(InstrumentationPrefix+"github.com/gin-gonic/gin/otelgin", "Middleware"), true},
		{fn(OtelgrpcPkg, "NewServerHandler"), true},
		{fn(OtelModule+"/propagation", "Extract"), true},
		{fn(OtelhttpPkg, "NewTransport"), false},
		{fn(OtelhttpPkg, "WithTracerProvider"), false},
		{fn(OtelgrpcPkg, "NewClientHandler"), false},
		{fn(InstrumentationPrefix+"runtime", "Start"), false},
		{fn(OtelModule+"/propagation", "Inject"), false},
		{fn("net/http", "NewServeMux"), false},
		{nil, false},
	} {
		if got := MayTraceServer(c.obj); got != c.want {
			t.Errorf("MayTraceServer(%v) = %v, want %v", c.obj, got, c.want)
		}
	}
}
