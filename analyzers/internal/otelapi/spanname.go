package otelapi

import "go/types"

// OtelhttpPkg is the import path of the net/http instrumentation.
const OtelhttpPkg = "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

// spanNameArgs lists functions, beyond span starts, whose argument at the
// given index becomes a span's name.
var spanNameArgs = map[string]int{
	"(" + TracePkg + ".Span).SetName": 0,
	OtelhttpPkg + ".NewHandler":       1, // the operation names the server span
	OtelhttpPkg + ".NewMiddleware":    0,
}

// SpanNameArg reports whether fn names a span with one of its arguments
// (span.SetName, on the interface or on a concrete span, and the otelhttp
// constructors' operation) and returns that argument's index.
func SpanNameArg(fn *types.Func) (int, bool) {
	if i, ok := lookup(spanNameArgs, spanNameArgNames, fn); ok {
		return i, true
	}
	sig := fn.Signature()
	if fn.Name() == "SetName" && sig.Recv() != nil && sig.Params().Len() == 1 && IsSpanType(sig.Recv().Type()) {
		return 0, true
	}
	return 0, false
}

// spanNameFormatters lists functions that take, at the given index, a
// function whose string result names spans.
var spanNameFormatters = map[string]int{
	OtelhttpPkg + ".WithSpanNameFormatter": 0,
}

// SpanNameFormatterArg reports whether fn takes a span name formatter and
// returns its argument index.
func SpanNameFormatterArg(fn *types.Func) (int, bool) {
	return lookup(spanNameFormatters, spanNameFormatterNames, fn)
}

var (
	spanNameArgNames       = shortNames(spanNameArgs)
	spanNameFormatterNames = shortNames(spanNameFormatters)
)

// routeFields are fields of request types whose values are bounded by the
// application's routes: the route template and the method. Keyed by
// "pkgpath.Type.Field".
var routeFields = map[string]bool{
	"net/http.Request.Pattern": true,
	"net/http.Request.Method":  true,
}

// routeFuncs are functions and methods that return the matched route
// template (or another value bounded by the routes) of a request.
var routeFuncs = map[string]bool{
	"(*github.com/gin-gonic/gin.Context).FullPath":    true,
	"(github.com/labstack/echo/v4.Context).Path":      true,
	"(*github.com/gorilla/mux.Route).GetPathTemplate": true,
	"(*github.com/gorilla/mux.Route).GetName":         true,
}

// IsRouteField reports whether field, of the named struct type pkg.typ, is
// bounded by the routes (http.Request.Pattern, Method).
func IsRouteField(pkg, typ, field string) bool { return routeFields[pkg+"."+typ+"."+field] }

// IsRouteFunc reports whether fn returns a request's route template.
func IsRouteFunc(fn *types.Func) bool { return get(routeFuncs, routeFuncsNames, fn) }

// NameSource describes request data with unbounded values: what it is and
// how to record it instead of putting it into a span name.
type NameSource struct {
	What  string // "path", "URL", "query", "host"; "" for a value such as a path parameter
	Attr  string // the semantic-convention attribute to record it as, or ""
	Route bool   // the name should be the route template instead
}

var (
	pathSource  = NameSource{What: "path", Attr: "url.path", Route: true}
	urlSource   = NameSource{What: "URL", Attr: "url.full", Route: true}
	querySource = NameSource{What: "query", Attr: "url.query"}
	hostSource  = NameSource{What: "host", Attr: "server.address"}
	valueSource = NameSource{}
)

// unboundedFields are fields of request types with unbounded values, keyed
// by "pkgpath.Type.Field".
var unboundedFields = map[string]NameSource{
	"net/http.Request.URL":        urlSource, // fmt.Sprintf("%s %s", r.Method, r.URL)
	"net/http.Request.RequestURI": pathSource,
	"net/http.Request.Host":       hostSource,
	"net/url.URL.Path":            pathSource,
	"net/url.URL.RawPath":         pathSource,
	"net/url.URL.RawQuery":        querySource,
	"net/url.URL.Host":            hostSource,
}

// unboundedFuncs are functions and methods whose string result is
// unbounded request data.
var unboundedFuncs = map[string]NameSource{
	"(*net/url.URL).String":                            urlSource,
	"(*net/url.URL).EscapedPath":                       pathSource,
	"(*net/url.URL).RequestURI":                        pathSource,
	"(*net/url.URL).Hostname":                          hostSource,
	"(*net/http.Request).PathValue":                    valueSource,
	"(*net/http.Request).FormValue":                    valueSource,
	"(*net/http.Request).PostFormValue":                valueSource,
	"(*net/http.Request).UserAgent":                    valueSource,
	"(*net/http.Request).Referer":                      valueSource,
	"(net/http.Header).Get":                            valueSource,
	"(net/url.Values).Get":                             valueSource,
	"(*github.com/gin-gonic/gin.Context).Param":        valueSource,
	"(*github.com/gin-gonic/gin.Context).Query":        valueSource,
	"(github.com/labstack/echo/v4.Context).Param":      valueSource,
	"(github.com/labstack/echo/v4.Context).QueryParam": valueSource,
}

// unboundedMaps are functions whose map or slice result holds unbounded
// request data (mux.Vars(r)["id"]).
var unboundedMaps = map[string]NameSource{
	"github.com/gorilla/mux.Vars": valueSource,
	"(*net/url.URL).Query":        querySource,
}

// UnboundedField reports whether field of pkg.typ holds unbounded request
// data (r.URL.Path, r.RequestURI, r.Host) and describes it.
func UnboundedField(pkg, typ, field string) (NameSource, bool) {
	s, ok := unboundedFields[pkg+"."+typ+"."+field]
	return s, ok
}

// UnboundedFunc reports whether fn returns unbounded request data as a
// string (r.URL.String(), r.PathValue("id")) and describes it.
func UnboundedFunc(fn *types.Func) (NameSource, bool) {
	s, ok := lookup(unboundedFuncs, unboundedFuncsNames, fn)
	return s, ok
}

// UnboundedMap reports whether fn returns a map or slice of unbounded
// request data (mux.Vars(r)) and describes its elements.
func UnboundedMap(fn *types.Func) (NameSource, bool) {
	s, ok := lookup(unboundedMaps, unboundedMapsNames, fn)
	return s, ok
}

// nameCarriers are string functions whose result carries the values of
// the listed arguments into a span name (-1: every argument).
var nameCarriers = map[string][]int{
	"fmt.Sprint":          {-1},
	"fmt.Sprintf":         {-1},
	"fmt.Sprintln":        {-1},
	"strings.ToLower":     {0},
	"strings.ToUpper":     {0},
	"strings.ToTitle":     {0},
	"strings.Title":       {0},
	"strings.TrimSpace":   {0},
	"strings.Trim":        {0},
	"strings.TrimLeft":    {0},
	"strings.TrimRight":   {0},
	"strings.TrimPrefix":  {0},
	"strings.TrimSuffix":  {0},
	"strings.Replace":     {0, 2},
	"strings.ReplaceAll":  {0, 2},
	"strings.Join":        {0, 1},
	"strings.Split":       {0},
	"strings.SplitN":      {0},
	"strings.SplitAfter":  {0},
	"strings.Fields":      {0},
	"path.Base":           {0},
	"path.Clean":          {0},
	"path.Dir":            {0},
	"path.Join":           {-1},
	"path/filepath.Base":  {0},
	"path/filepath.Clean": {0},
	"path/filepath.Join":  {-1},
	"strconv.Itoa":        {0},
	"strconv.FormatInt":   {0},
	"strconv.FormatUint":  {0},
	"strconv.FormatFloat": {0},
	"strconv.Quote":       {0},
	"strconv.FormatBool":  {0},
}

// NameCarrier reports whether fn is a string function whose result carries
// its arguments' values, and which ones (-1: all of them).
func NameCarrier(fn *types.Func) ([]int, bool) {
	args, ok := lookup(nameCarriers, nameCarriersNames, fn)
	return args, ok
}

// otelhttpSides lists the otelhttp functions that take options (a span
// name formatter among them) and whether the spans they name are client
// spans.
var otelhttpSides = map[string]bool{
	OtelhttpPkg + ".NewHandler":    false,
	OtelhttpPkg + ".NewMiddleware": false,
	OtelhttpPkg + ".NewTransport":  true,
}

// OtelhttpSide reports whether fn takes otelhttp options, and whether the
// spans it names are client spans.
func OtelhttpSide(fn *types.Func) (client, ok bool) {
	client, ok = lookup(otelhttpSides, otelhttpSidesNames, fn)
	return client, ok
}

// IsSpanKindOption reports whether fn is trace.WithSpanKind.
func IsSpanKindOption(fn *types.Func) bool { return fn.FullName() == TracePkg+".WithSpanKind" }

// Values of trace.SpanKind whose spans are outgoing calls.
const (
	SpanKindClient   = 3
	SpanKindProducer = 4
)

var (
	nameCarriersNames   = shortNames(nameCarriers)
	otelhttpSidesNames  = shortNames(otelhttpSides)
	routeFuncsNames     = shortNames(routeFuncs)
	unboundedFuncsNames = shortNames(unboundedFuncs)
	unboundedMapsNames  = shortNames(unboundedMaps)
)
