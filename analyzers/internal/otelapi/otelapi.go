// Package otelapi holds what otellint knows about the OpenTelemetry Go API
// and about the few standard functions the rules must understand, as tables
// keyed by the fully qualified names that types.Func.FullName returns.
//
// A new OpenTelemetry release changes these tables, not the analyzers.
package otelapi

import (
	"go/types"
	"go/version"
	"strings"
)

// Package paths of the OpenTelemetry trace API.
const (
	TracePkg   = "go.opentelemetry.io/otel/trace"
	CodesPkg   = "go.opentelemetry.io/otel/codes"
	OtelModule = "go.opentelemetry.io/otel"
)

// IsOTelAPIPath reports whether path belongs to the OpenTelemetry Go API,
// SDK or contrib modules. Their behaviour is described by the tables in this
// package, so drivers need not analyse their source.
func IsOTelAPIPath(path string) bool {
	return strings.HasPrefix(path, "go.opentelemetry.io/") || path == OtelModule ||
		strings.HasPrefix(path, OtelModule+"/") ||
		strings.HasPrefix(path, "go.opentelemetry.io/contrib/")
}

// spanStarts lists functions that start a span and return it to the caller,
// beyond any method named Start with a tracer's signature (see IsStartSignature).
// The value is the index of the span among the results.
var spanStarts = map[string]int{
	"(go.opentelemetry.io/otel/trace.Tracer).Start": 1,
}

// borrowedSpans lists functions that return a span the caller does not own.
var borrowedSpans = map[string]bool{
	"go.opentelemetry.io/otel/trace.SpanFromContext": true,
}

// SpanIntoContext lists functions that return a context carrying their span
// argument. A span stored in a context that escapes the function is owned by
// whoever receives the context. The value is the index of the span argument.
var spanIntoContext = map[string]int{
	"go.opentelemetry.io/otel/trace.ContextWithSpan": 1,
}

// noReturn lists functions that never return normally. It complements the
// ctrlflow analyzer, whose knowledge of standard functions comes from facts
// that a driver loading dependencies from export data does not compute.
var noReturn = map[string]bool{
	"os.Exit":                                     true,
	"runtime.Goexit":                              true,
	"syscall.Exit":                                true,
	"log.Fatal":                                   true,
	"log.Fatalf":                                  true,
	"log.Fatalln":                                 true,
	"log.Panic":                                   true,
	"log.Panicf":                                  true,
	"log.Panicln":                                 true,
	"(*log.Logger).Fatal":                         true,
	"(*log.Logger).Fatalf":                        true,
	"(*log.Logger).Fatalln":                       true,
	"(*log.Logger).Panic":                         true,
	"(*log.Logger).Panicf":                        true,
	"(*log.Logger).Panicln":                       true,
	"(*testing.common).FailNow":                   true,
	"(*testing.common).Fatal":                     true,
	"(*testing.common).Fatalf":                    true,
	"(*testing.common).SkipNow":                   true,
	"(*testing.common).Skip":                      true,
	"(*testing.common).Skipf":                     true,
	"(testing.TB).FailNow":                        true,
	"(testing.TB).Fatal":                          true,
	"(testing.TB).Fatalf":                         true,
	"(testing.TB).SkipNow":                        true,
	"(testing.TB).Skip":                           true,
	"(testing.TB).Skipf":                          true,
	"(*go.uber.org/zap.Logger).Fatal":             true,
	"(*go.uber.org/zap.Logger).Panic":             true,
	"(*go.uber.org/zap.SugaredLogger).Fatal":      true,
	"(*go.uber.org/zap.SugaredLogger).Fatalf":     true,
	"(*go.uber.org/zap.SugaredLogger).Fatalw":     true,
	"(*go.uber.org/zap.SugaredLogger).Panic":      true,
	"(*go.uber.org/zap.SugaredLogger).Panicf":     true,
	"(*go.uber.org/zap.SugaredLogger).Panicw":     true,
	"github.com/sirupsen/logrus.Fatal":            true,
	"github.com/sirupsen/logrus.Fatalf":           true,
	"github.com/sirupsen/logrus.Panic":            true,
	"github.com/sirupsen/logrus.Panicf":           true,
	"(*github.com/sirupsen/logrus.Logger).Fatal":  true,
	"(*github.com/sirupsen/logrus.Logger).Fatalf": true,
	"(*github.com/sirupsen/logrus.Entry).Fatal":   true,
	"(*github.com/sirupsen/logrus.Entry).Fatalf":  true,
	"k8s.io/klog/v2.Fatal":                        true,
	"k8s.io/klog/v2.Fatalf":                       true,
	"k8s.io/klog/v2.Exit":                         true,
	"k8s.io/klog/v2.Exitf":                        true,
}

// StartResult reports whether fn is a table entry that starts a span, and
// the index of the span among its results.
func StartResult(fn *types.Func) (int, bool) {
	return lookup(spanStarts, spanStartsNames, fn)
}

var (
	spanStartsNames   = shortNames(spanStarts)
	borrowedNames     = shortNames(borrowedSpans)
	ctxErrorNames     = shortNames(ctxErrorFuncs)
	errorWrapperNames = shortNames(errorWrappers)
)

// IsBorrowed reports whether fn returns a span its caller does not own.
func IsBorrowed(fn *types.Func) bool { v, _ := lookup(borrowedSpans, borrowedNames, fn); return v }

// SpanIntoContextArg reports whether fn stores a span argument in the context
// it returns, and the index of that argument.
func SpanIntoContextArg(fn *types.Func) (int, bool) {
	i, ok := lookup(spanIntoContext, spanIntoContextNames, fn)
	return i, ok
}

// IsNoReturn reports whether fn is known never to return normally.
func IsNoReturn(fn *types.Func) bool { return get(noReturn, noReturnNames, fn) }

// IsSpanType reports whether t is the trace.Span interface, or a type that
// implements it (a concrete span, or a wrapper that embeds one).
func IsSpanType(t types.Type) bool {
	if t == nil {
		return false
	}
	if IsNamed(t, TracePkg, "Span") {
		return true
	}
	iface := spanInterface(t)
	if iface == nil {
		return false
	}
	if _, ok := t.Underlying().(*types.Interface); ok {
		// An interface type is a span only if it includes the whole
		// trace.Span method set (e.g. the SDK's ReadWriteSpan).
		return types.Implements(t, iface)
	}
	return types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface)
}

// spanInterface finds the trace.Span interface among the packages reachable
// from t, so that no import of the API is needed to name it.
func spanInterface(t types.Type) *types.Interface {
	// Find the method End on t; its receiver's package leads to the API.
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "End")
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil
	}
	var found *types.Interface
	var visit func(p *types.Package, depth int)
	seen := map[*types.Package]bool{}
	visit = func(p *types.Package, depth int) {
		if found != nil || seen[p] || depth > 3 {
			return
		}
		seen[p] = true
		if p.Path() == TracePkg {
			if tn, ok := p.Scope().Lookup("Span").(*types.TypeName); ok {
				found, _ = tn.Type().Underlying().(*types.Interface)
			}
			return
		}
		for _, imp := range p.Imports() {
			visit(imp, depth+1)
		}
	}
	visit(fn.Pkg(), 0)
	return found
}

// IsNamed reports whether t (or the type it points to) is the named type
// pkg.name.
func IsNamed(t types.Type, pkg, name string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == pkg
}

// IsContextType reports whether t is context.Context.
func IsContextType(t types.Type) bool { return IsNamed(t, "context", "Context") }

// IsStartSignature reports whether fn has the shape of a tracer's Start
// method: a method named Start whose results are a context.Context and a
// span. This recognises Tracer.Start through the interface, concrete tracers
// (the SDK's, noop.Tracer, user wrappers without source) and type parameters
// constrained by trace.Tracer. It returns the index of the span result.
func IsStartSignature(fn *types.Func) (int, bool) {
	if fn.Name() != "Start" {
		return 0, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Results().Len() != 2 {
		return 0, false
	}
	res := sig.Results()
	if IsContextType(res.At(0).Type()) && IsSpanType(res.At(1).Type()) {
		return 1, true
	}
	return 0, false
}

// IsEndMethod reports whether fn is the End method of a span.
func IsEndMethod(fn *types.Func) bool {
	if fn.Name() != "End" {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	return IsSpanType(sig.Recv().Type())
}

// MayHoldSpan reports whether a parameter of type t could receive a span and
// end it without a type assertion: t is a span type, or an interface with an
// End method. A span passed as any, fmt.Stringer and the like is not ended
// by the callee.
func MayHoldSpan(t types.Type) bool {
	if IsSpanType(t) {
		return true
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < iface.NumMethods(); i++ {
		if iface.Method(i).Name() == "End" {
			return true
		}
	}
	return false
}

// spanMethods are the exported methods of trace.Span.
var spanMethods = map[string]bool{
	"End": true, "AddEvent": true, "AddLink": true, "IsRecording": true,
	"RecordError": true, "SpanContext": true, "SetStatus": true, "SetName": true,
	"SetAttributes": true, "TracerProvider": true,
}

// IsSpanMethodName reports whether name is a method of trace.Span.
func IsSpanMethodName(name string) bool { return spanMethods[name] }

// printLike lists standard packages whose functions take values as any
// only to print, log or wrap them: passing a span to them neither ends it
// nor hands it over. Storage (sync.Map, container/list, context.WithValue)
// is deliberately absent: it takes ownership.
var printLike = map[string]bool{
	"fmt": true, "log": true, "log/slog": true, "errors": true,
	"testing": true, "reflect": true, "encoding/json": true,
}

// IsPrintLike reports whether pkgPath is a printing or logging package.
func IsPrintLike(pkgPath string) bool { return printLike[pkgPath] }

// expectedErrors are sentinel errors that are not failures by contract:
// a function that returns one after comparing with == or errors.Is did
// what its caller asked for (end of input, a cancelled call, no rows, a
// server closed on purpose).
var expectedErrors = map[string]bool{
	"io.EOF":                   true,
	"context.Canceled":         true,
	"database/sql.ErrNoRows":   true,
	"net/http.ErrServerClosed": true,
	"net/http.ErrAbortHandler": true,
	"io/fs.ErrNotExist":        true,
	"os.ErrNotExist":           true,
	"context.DeadlineExceeded": true,
}

// IsExpectedError reports whether v (a package-level error variable) is a
// sentinel that is not a failure by contract, or one named in extra
// ("io.EOF", "example.com/store.ErrMissing").
func IsExpectedError(v *types.Var, extra []string) bool {
	if v == nil || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return false
	}
	name := v.Pkg().Path() + "." + v.Name()
	if expectedErrors[name] || isFrameworkClientError(v) {
		return true
	}
	for _, e := range extra {
		if e == name {
			return true
		}
	}
	return false
}

// statusErrorPkgs are the HTTP frameworks that declare one sentinel per
// status code, built by their constructor with the code itself (echo's
// ErrNotFound = NewHTTPError(http.StatusNotFound), fiber's
// ErrUnprocessableEntity = NewError(StatusUnprocessableEntity)).
var statusErrorPkgs = map[string]bool{
	"github.com/labstack/echo/v4": true,
	"github.com/labstack/echo/v5": true,
	"github.com/gofiber/fiber/v2": true,
	"github.com/gofiber/fiber/v3": true,
}

// clientStatusNames are the names of net/http's 4xx constants after their
// Status prefix: the frameworks name their sentinels Err and the same
// words (echo also spells one ErrStatusRequestEntityTooLarge).
var clientStatusNames = map[string]bool{
	"BadRequest": true, "Unauthorized": true, "PaymentRequired": true,
	"Forbidden": true, "NotFound": true, "MethodNotAllowed": true,
	"NotAcceptable": true, "ProxyAuthRequired": true, "RequestTimeout": true,
	"Conflict": true, "Gone": true, "LengthRequired": true,
	"PreconditionFailed": true, "RequestEntityTooLarge": true,
	"RequestURITooLong": true, "UnsupportedMediaType": true,
	"RequestedRangeNotSatisfiable": true, "ExpectationFailed": true,
	"Teapot": true, "MisdirectedRequest": true, "UnprocessableEntity": true,
	"Locked": true, "FailedDependency": true, "TooEarly": true,
	"UpgradeRequired": true, "PreconditionRequired": true,
	"TooManyRequests": true, "RequestHeaderFieldsTooLarge": true,
	"UnavailableForLegalReasons": true,
}

// isFrameworkClientError reports whether v is one of an HTTP framework's
// per-status sentinels with a 4xx code. The frameworks are read from
// export data by the standalone driver and skipped under go vet and
// golangci-lint, so no fact about their initialisers can say so.
func isFrameworkClientError(v *types.Var) bool {
	if !statusErrorPkgs[v.Pkg().Path()] {
		return false
	}
	name, ok := strings.CutPrefix(v.Name(), "Err")
	if !ok {
		return false
	}
	return clientStatusNames[name] || clientStatusNames[strings.TrimPrefix(name, "Status")]
}

// Status codes of go.opentelemetry.io/otel/codes.
const (
	CodeUnset = 0
	CodeError = 1
	CodeOk    = 2
)

// IsErrorType reports whether t is the error interface.
func IsErrorType(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

// goroutineSpawners run their last argument, a function, in a new goroutine.
var goroutineSpawners = map[string]bool{
	"(*golang.org/x/sync/errgroup.Group).Go":    true,
	"(*golang.org/x/sync/errgroup.Group).TryGo": true,
	"(*sync.WaitGroup).Go":                      true,
}

// IsGoroutineSpawner reports whether fn runs its function argument in a new
// goroutine.
func IsGoroutineSpawner(fn *types.Func) bool {
	return get(goroutineSpawners, goroutineSpawnersNames, fn)
}

// spanCarriers put a span or span context into the context they are given.
var spanCarriers = map[string]bool{
	"go.opentelemetry.io/otel/trace.ContextWithSpan":              true,
	"go.opentelemetry.io/otel/trace.ContextWithSpanContext":       true,
	"go.opentelemetry.io/otel/trace.ContextWithRemoteSpanContext": true,
}

// CarriesSpan reports whether fn returns its context argument with a span
// (or span context) in it: a fresh context given to it is a deliberate root.
func CarriesSpan(fn *types.Func) bool { return get(spanCarriers, spanCarriersNames, fn) }

// IsLinkOption reports whether fn is a span start option that links the new
// span to another (trace.WithLinks).
func IsLinkOption(fn *types.Func) bool {
	return fn.FullName() == "go.opentelemetry.io/otel/trace.WithLinks"
}

// IsNewRootOption reports whether fn is the start option that makes a span
// a root on purpose (trace.WithNewRoot).
func IsNewRootOption(fn *types.Func) bool {
	return fn.FullName() == "go.opentelemetry.io/otel/trace.WithNewRoot"
}

// IsLinkFromContext reports whether fn makes a link to the span a context
// carries (trace.LinkFromContext).
func IsLinkFromContext(fn *types.Func) bool {
	return fn.FullName() == "go.opentelemetry.io/otel/trace.LinkFromContext"
}

// CodeClass says how the semantic conventions classify a status code that
// an error carries: a client-class code is an outcome the server answered
// with (not found, invalid argument, 4xx), a server-class one a failure.
type CodeClass int

const (
	CodeUnknown CodeClass = iota // not a constant, or not a known code
	CodeClient                   // expected: the span is not an error
	CodeServer                   // a failure
)

// CodeScheme names the numbering of a constructor's code argument.
type CodeScheme int

const (
	GRPCCodes CodeScheme = iota // gRPC codes (connect uses the same numbers)
	HTTPCodes                   // HTTP status codes
)

// ErrorCtor describes a function that builds an error (or a gRPC *Status)
// from a status code: the error is expected when the code is client-class.
type ErrorCtor struct {
	Arg    int // index of the code argument
	Scheme CodeScheme
}

// errorCtors are the error constructors of RPC and HTTP frameworks that
// carry a status code. A gRPC *Status becomes an error with its Err method
// (see IsStatusErr).
var errorCtors = map[string]ErrorCtor{
	"google.golang.org/grpc/status.Error":       {0, GRPCCodes},
	"google.golang.org/grpc/status.Errorf":      {0, GRPCCodes},
	"google.golang.org/grpc/status.New":         {0, GRPCCodes},
	"google.golang.org/grpc/status.Newf":        {0, GRPCCodes},
	"connectrpc.com/connect.NewError":           {0, GRPCCodes},
	"connectrpc.com/connect.NewWireError":       {0, GRPCCodes},
	"github.com/labstack/echo/v4.NewHTTPError":  {0, HTTPCodes},
	"github.com/gofiber/fiber/v2.NewError":      {0, HTTPCodes},
	"github.com/gofiber/fiber/v3.NewError":      {0, HTTPCodes},
	"github.com/labstack/echo/v5.NewHTTPError":  {0, HTTPCodes},
	"github.com/danielgtaylor/huma/v2.NewError": {0, HTTPCodes},
}

// ErrorConstructor reports whether fn builds an error from a status code.
func ErrorConstructor(fn *types.Func) (ErrorCtor, bool) {
	c, ok := lookup(errorCtors, errorCtorsNames, fn)
	return c, ok
}

// serverGRPCCodes are the gRPC codes that mark a server span as an error
// (semantic conventions for RPC: Unknown, DeadlineExceeded,
// Unimplemented, Internal, Unavailable, DataLoss). Every other code (OK,
// Canceled, InvalidArgument, NotFound, AlreadyExists, PermissionDenied,
// ResourceExhausted, FailedPrecondition, Aborted, OutOfRange,
// Unauthenticated) is the answer to a request, not a failure of the server.
var serverGRPCCodes = map[int64]bool{2: true, 4: true, 12: true, 13: true, 14: true, 15: true}

// ClassifyCode classifies the constant code value of a constructor.
func ClassifyCode(s CodeScheme, code int64) CodeClass {
	switch s {
	case GRPCCodes:
		switch {
		case code < 0 || code > 16:
			return CodeUnknown // a code of the application's own
		case serverGRPCCodes[code]:
			return CodeServer
		}
		return CodeClient
	case HTTPCodes:
		switch {
		case code >= 400 && code < 500:
			return CodeClient
		case code >= 500 && code < 600:
			return CodeServer
		}
	}
	return CodeUnknown
}

// ctxErrorFuncs return the error of a context that is over: the caller
// cancelled or its deadline passed, an outcome of the call, not a failure
// of the operation.
var ctxErrorFuncs = map[string]bool{
	"(context.Context).Err": true,
	"context.Cause":         true,
}

// IsContextError reports whether fn returns the error of a context that
// is done (ctx.Err(), context.Cause(ctx)).
func IsContextError(fn *types.Func) bool { v, _ := lookup(ctxErrorFuncs, ctxErrorNames, fn); return v }

// IsStatusErr reports whether fn is the Err method of a gRPC *Status.
func IsStatusErr(fn *types.Func) bool {
	return IsFunc(fn, "(*google.golang.org/grpc/internal/status.Status).Err")
}

// neverFailFuncs are standard-library functions whose error result is
// documented to be always nil. The value is the first Go release of which
// that is true ("": every release). crypto/rand.Read counts in every
// release: since Go 1.24 it crashes the program instead of failing, and
// before, its error meant the operating system's random source was gone,
// which no caller handles (Go 1.24 made it a crash for that reason).
var neverFailFuncs = map[string]string{
	"(*bytes.Buffer).Write":          "",
	"(*bytes.Buffer).WriteString":    "",
	"(*bytes.Buffer).WriteByte":      "",
	"(*bytes.Buffer).WriteRune":      "",
	"(*strings.Builder).Write":       "",
	"(*strings.Builder).WriteString": "",
	"(*strings.Builder).WriteByte":   "",
	"(*strings.Builder).WriteRune":   "",
	"crypto/rand.Read":               "",
}

// NeverFails reports whether fn, a standard-library function, never
// returns a non-nil error in a module whose go directive is goVersion
// ("go1.24"; "" when unknown: only what holds in every release counts).
func NeverFails(fn *types.Func, goVersion string) bool {
	since, ok := lookup(neverFailFuncs, neverFailFuncsNames, fn)
	if !ok {
		return false
	}
	return since == "" || goVersion != "" && version.Compare(goVersion, since) >= 0
}

// IsStatusOf reports whether fn returns the gRPC *Status its error
// argument carries (status.FromError, status.Convert).
func IsStatusOf(fn *types.Func) bool {
	switch fn.FullName() {
	case "google.golang.org/grpc/status.FromError", "google.golang.org/grpc/status.Convert":
		return true
	}
	return false
}

// expectedStatusCtors build a gRPC *Status that is expected whatever
// their argument: FromContextError maps a context that is over to
// Canceled or DeadlineExceeded, the outcome ctx.Err() itself is.
var expectedStatusCtors = map[string]bool{
	"google.golang.org/grpc/status.FromContextError": true,
}

// IsExpectedStatusCtor reports whether fn builds a *Status that is an
// outcome whatever its argument.
func IsExpectedStatusCtor(fn *types.Func) bool {
	return get(expectedStatusCtors, expectedStatusCtorsNames, fn)
}

// codeOfFuncs return the code an error carries, to compare with a
// constant: status.Code(err) == codes.NotFound.
var codeOfFuncs = map[string]CodeScheme{
	"google.golang.org/grpc/status.Code": GRPCCodes,
	"connectrpc.com/connect.CodeOf":      GRPCCodes,
}

// CodeOf reports whether fn returns the status code its error argument
// carries, and the code's numbering.
func CodeOf(fn *types.Func) (CodeScheme, bool) {
	s, ok := lookup(codeOfFuncs, codeOfFuncsNames, fn)
	return s, ok
}

// errorWrappers return an error that wraps their error arguments: the
// result is an outcome when everything it wraps is. The value is the
// index of the wrapped argument, or -1 for every error-typed argument.
var errorWrappers = map[string]int{
	"fmt.Errorf":                              -1,
	"errors.Join":                             -1,
	"github.com/pkg/errors.Wrap":              0,
	"github.com/pkg/errors.Wrapf":             0,
	"github.com/pkg/errors.WithMessage":       0,
	"github.com/pkg/errors.WithMessagef":      0,
	"github.com/pkg/errors.WithStack":         0,
	"github.com/cockroachdb/errors.Wrap":      0,
	"github.com/cockroachdb/errors.Wrapf":     0,
	"github.com/cockroachdb/errors.WithStack": 0,
}

// ErrorWrapper reports whether fn wraps errors, and which argument (-1:
// every error-typed one).
func ErrorWrapper(fn *types.Func) (int, bool) {
	return lookup(errorWrappers, errorWrapperNames, fn)
}

// sentinelCtors build a plain sentinel error from a message.
var sentinelCtors = map[string]bool{
	"errors.New":                        true,
	"fmt.Errorf":                        true,
	"github.com/pkg/errors.New":         true,
	"github.com/pkg/errors.Errorf":      true,
	"github.com/cockroachdb/errors.New": true,
}

// IsSentinelCtor reports whether fn builds a plain error from a message
// (errors.New).
func IsSentinelCtor(fn *types.Func) bool { return get(sentinelCtors, sentinelCtorsNames, fn) }

// outcomeWords are the words that name a sentinel error as a normal
// outcome of a request, the client-class gRPC codes and HTTP 4xx in the
// words Go code uses: ErrNotFound, ErrUserNotFound, ErrAlreadyExists,
// ErrUnauthorized. Each entry is a sequence of capitalised words that must
// appear, in order and whole, in the variable's name after its Err prefix;
// "*" stands for any one word (ErrInvalidWriteInput, ErrInvalidPageToken).
// Invalid alone is not enough: openfga's ErrInvalidObject is a 500 (its
// graph lacks a node the model validated), ErrInvalidState a bug.
var outcomeWords = [][]string{
	{"Not", "Found"}, {"No", "Rows"}, {"No", "Such"}, {"Not", "Exist"}, {"Not", "Exists"},
	{"Already", "Exists"}, {"Exists"}, {"Duplicate"}, {"Conflict"}, {"Undefined"},
	{"Unauthorized"}, {"Unauthenticated"}, {"Forbidden"}, {"Permission", "Denied"},
	{"Access", "Denied"}, {"Not", "Allowed"},
	{"Invalid", "Argument"}, {"Invalid", "Input"}, {"Invalid", "Request"}, {"Bad", "Request"},
	{"Invalid", "*", "Argument"}, {"Invalid", "*", "Input"}, {"Invalid", "*", "Request"},
	{"Invalid", "Token"}, {"Invalid", "*", "Token"},
	{"Validation"}, {"Failed", "Precondition"}, {"Precondition", "Failed"}, {"Out", "Of", "Range"},
	{"Canceled"}, {"Cancelled"},
	// a limit of the request (gRPC ResourceExhausted, HTTP 413 and 429)
	{"Depth", "Exceeded"}, {"Limit", "Exceeded"}, {"Size", "Exceeded"},
	{"Too", "Many"}, {"Too", "Large"}, {"Too", "Long"}, {"Too", "Deep"}, {"Too", "Complex"},
	{"Rate", "Limited"},
	{"Iterator", "Done"}, {"Iteration", "Done"}, // the end of a stream, as io.EOF
}

// IsOutcomeName reports whether name (a package-level error variable's)
// names a normal outcome: Err or err, then words of which a sequence is in
// outcomeWords (ErrNotFound, ErrUserNotFound, errAlreadyExists).
func IsOutcomeName(name string) bool {
	var rest string
	switch {
	case strings.HasPrefix(name, "Err"):
		rest = name[3:]
	case strings.HasPrefix(name, "err"):
		rest = name[3:]
	default:
		return false
	}
	words := camelWords(rest)
	for _, seq := range outcomeWords {
		for i := 0; i+len(seq) <= len(words); i++ {
			match := true
			for j, w := range seq {
				if w != "*" && words[i+j] != w {
					match = false
					break
				}
			}
			if match {
				return true
			}
		}
	}
	return false
}

// outcomeMessages are the phrases that, in a sentinel's message, say it
// answers the request (errors.New("item already exists")): the words of
// outcomeWords a sentence uses. Invalid and the limits are left out: in a
// sentence they name the server's own trouble as often as the client's.
var outcomeMessages = [][]string{
	{"not", "found"}, {"already", "exists"}, {"already", "exist"}, {"already", "existed"},
	{"does", "not", "exist"}, {"do", "not", "exist"}, {"did", "not", "exist"}, {"no", "such"},
	{"conflict"}, {"permission", "denied"}, {"access", "denied"}, {"unauthorized"},
	{"unauthenticated"}, {"forbidden"}, {"not", "allowed"}, {"precondition", "failed"},
}

// IsOutcomeMessage reports whether msg, a sentinel error's constant
// message, says it is a normal outcome: whole words, in order, of one of
// outcomeMessages ("item already exists", "write failed due to conflict";
// not "conflicting versions").
func IsOutcomeMessage(msg string) bool {
	words := strings.FieldsFunc(strings.ToLower(msg), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'')
	})
	for _, seq := range outcomeMessages {
		for i := 0; i+len(seq) <= len(words); i++ {
			match := true
			for j, w := range seq {
				if words[i+j] != w {
					match = false
					break
				}
			}
			if match {
				return true
			}
		}
	}
	return false
}

// IsOutcomeTypeName reports whether name, an error type's, names a normal
// outcome: its words before an Error suffix hold a sequence of
// outcomeWords (NotFoundError, ValidationError, errPermissionDenied), or
// it is an authorization error (authorizationError, AuthorizationError:
// access was refused).
func IsOutcomeTypeName(name string) bool {
	rest := strings.TrimSuffix(strings.TrimSuffix(name, "Error"), "Err")
	if rest == name || rest == "" {
		return false // not named as an error type
	}
	rest = strings.ToUpper(rest[:1]) + rest[1:]
	if rest == "Authorization" || rest == "Authz" {
		return true
	}
	return IsOutcomeName("Err" + rest)
}

// camelWords splits a CamelCase name into its words; a run of capitals is
// one word (HTTPNotFound: HTTP, Not, Found).
func camelWords(s string) []string {
	var words []string
	start := 0
	isUpper := func(b byte) bool { return b >= 'A' && b <= 'Z' }
	for i := 1; i < len(s); i++ {
		if s[i] == '_' {
			if i > start {
				words = append(words, s[start:i])
			}
			start = i + 1
			continue
		}
		if isUpper(s[i]) && (!isUpper(s[i-1]) || (i+1 < len(s) && !isUpper(s[i+1]) && s[i+1] != '_')) {
			if i > start {
				words = append(words, s[start:i])
			}
			start = i
		}
	}
	if start < len(s) {
		words = append(words, s[start:])
	}
	for i, w := range words {
		if w != "" && !isUpper(w[0]) {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return words
}

var (
	codeOfFuncsNames         = shortNames(codeOfFuncs)
	errorCtorsNames          = shortNames(errorCtors)
	expectedStatusCtorsNames = shortNames(expectedStatusCtors)
	goroutineSpawnersNames   = shortNames(goroutineSpawners)
	neverFailFuncsNames      = shortNames(neverFailFuncs)
	noReturnNames            = shortNames(noReturn)
	sentinelCtorsNames       = shortNames(sentinelCtors)
	spanCarriersNames        = shortNames(spanCarriers)
	spanIntoContextNames     = shortNames(spanIntoContext)
)
