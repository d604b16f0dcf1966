// Package spanname defines an Analyzer that reports span names built from
// values with unbounded cardinality, such as IDs and URL paths.
//
// # Analyzer spanname
//
// spanname: check that span names have low cardinality
//
// The OpenTelemetry specification asks for a span name that is "the most
// general string that identifies a (statistically) interesting class of
// spans": get_account, not get_account/42; an HTTP server span is named
// after its route ("GET /accounts/{id}"), never after the raw path. A name
// built from an ID, a path or a number is different for every request:
// backends group, sample, aggregate and alert on spans by name, so every
// such span lands in a group of its own, and the number of names grows
// without bound (some backends then drop or merge them).
//
// The rule looks at every expression that becomes a span name: the name
// argument of Tracer.Start (through the interface, concrete tracers, and
// helpers that start spans, by fact), span.SetName, the operation of
// otelhttp.NewHandler and otelhttp.NewMiddleware, and the results of a
// function passed to otelhttp.WithSpanNameFormatter. It reports a name
// built at run time from unbounded data: the request's URL (r.URL,
// r.URL.Path, r.URL.String(), r.RequestURI, r.URL.RawQuery, r.Host, path and query
// parameters such as r.PathValue("id"), gin c.Param, mux.Vars(r)), a number
// (strconv.Itoa(n), fmt.Sprintf("%d", n)), or a variable, field or
// parameter whose name says it holds an identifier or an e-mail address
// (id, userID, req.ID, email), whether concatenated with +, formatted with
// fmt.Sprint*, joined with strings.Join, passed through strings and path
// functions, or returned by a function of the same package (whose
// parameters stand for the call's arguments).
//
// Bad:
//
//	func handle(w http.ResponseWriter, r *http.Request) {
//		ctx, span := tracer.Start(r.Context(), r.URL.Path) // want: span name is built from r.URL.Path, which has unbounded values (backends cannot group such spans; name it after the route, e.g. r.Pattern, and record the path as url.path)
//		defer span.End()
//	}
//
//	func getAccount(ctx context.Context, id string) {
//		ctx, span := tracer.Start(ctx, "get_account/"+id) // want: span name is built from id, which has unbounded values (backends cannot group such spans; use a constant name and record id as an attribute)
//		defer span.End()
//	}
//
// Good:
//
//	func handle(w http.ResponseWriter, r *http.Request) {
//		ctx, span := tracer.Start(r.Context(), r.Method+" "+r.Pattern,
//			trace.WithAttributes(semconv.URLPath(r.URL.Path)))
//		defer span.End()
//	}
//
//	func getAccount(ctx context.Context, id string) {
//		ctx, span := tracer.Start(ctx, "get_account",
//			trace.WithAttributes(attribute.String("get_account.id", id)))
//		defer span.End()
//	}
//
// Not findings: constants and typed string constants; route templates,
// which are bounded by the application's routes (r.Pattern, r.Method,
// r.Method+" "+r.Pattern, gin c.FullPath(), echo c.Path(), gorilla
// mux.CurrentRoute(r).GetPathTemplate()); a variable that is assigned only
// constants on every path (a switch or if over constants, an element of a
// map or slice of constants, a range over constants); loop indexes (for i
// := range n, for i := 0; i < n; i++), which are bounded, and numbers
// whose names say they have few values (statusCode, attempt, version,
// port); enumerations (a value of a named number type, or its String
// method); values the rule
// cannot see into (the result of a function of another package, a field
// or variable whose name says nothing about its values), so that a name such
// as c.service+".Get" stays silent, and so does a variable named path or
// url that does not come from the request (a route registered with the
// mux); span names in _test.go files.
//
// The way out depends on the span: a server span is named after its route
// and records the path as url.path; a client span (trace.WithSpanKind
// with SpanKindClient or SpanKindProducer, a formatter passed to
// otelhttp.NewTransport) has no route and is named after the method,
// recording the URL as url.full; for a formatter whose user the rule does
// not see (options kept in a slice), the message gives both.
//
// A function that passes one of its parameters on as (part of) a span name
// gets a fact, namesSpan, and stays silent itself: the finding goes to the
// caller that passes an unbounded value, in any package. A parameter that
// every caller passes as a constant is fine, and an exported function's
// parameter with no visible caller is unknown, so silent. A parameter whose
// name says it is an ID (or a number) is reported where it is used,
// whatever the callers pass.
//
// The suggested fix, offered on a Tracer.Start call whose name is a
// constant prefix and one variable ("get_account/"+id,
// fmt.Sprintf("get_account %s", id), "order-"+strconv.Itoa(n)), keeps the
// information: the prefix, trimmed of separators, becomes the name, and the
// variable goes into trace.WithAttributes as an attribute whose key is the
// name (lower case, other characters than letters, digits, '_' and '.'
// replaced by '_') and the variable's name in snake_case, joined with a dot
// (get_account.id, order.n): rename the key to your own namespace if you
// have one. Imports are added, and fmt or strconv removed when the
// rewrite takes their last use. Names built from request data get no fix:
// the route template is not a mechanical rewrite.
//
// The reference service shows the consequence at run time:
// refservice/antipatterns/spanname.go names its span after r.URL.Path and
// exports one span name per request path.
//
// # Configuration
//
//	-spanname.generated=MODE  which generated files are checked: wrappers
//	                          (the default: those of tracing-wrapper
//	                          generators such as gowrap), all or none
//
// # Limitations
//
// The rule knows the request data of net/http, gin, echo and gorilla/mux
// and judges other values by their names and types: a variable named
// after what it holds (name, key) whose values are unbounded is missed,
// and so are names built by functions of other packages (there is no fact
// for what a function returns). A slice joined with strings.Join counts
// only when its elements can be seen. Facts follow parameters passed on
// directly, not through struct fields or closures stored for later; the
// standalone driver computes them for the module's own packages and for
// dependencies that import the trace API, so a helper in a dependency
// that only wraps otelhttp.NewHandler is not followed there (go vet
// follows it).
package spanname
