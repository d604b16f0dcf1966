// Package spanerror defines an Analyzer that reports errors returned while
// a span is live without being recorded on it.
//
// # Analyzer spanerror
//
// spanerror: check that errors are recorded on the span they fail
//
// When a function with a live span fails, its trace must say so. In
// OpenTelemetry Go that takes two calls: span.RecordError(err) adds the
// exception event (what failed), and span.SetStatus(codes.Error, msg) marks
// the span failed. RecordError alone leaves the status Unset, and every
// backend then shows the span as OK: the failed operation hides among the
// successes, error-rate dashboards and alerts never see it, and tail
// sampling that keeps failed traces drops it.
//
// The rule follows each path from a span's Start to every return of a
// possibly non-nil error while the span is live (not yet ended), and
// reports a path on which the failure reached the span with neither call,
// with RecordError but no Error status, or on which the status was set to
// codes.Ok. A path that sets the Error status with a description but does
// not call RecordError is accepted by default: the semantic conventions let
// instrumentation describe the failure with error.type and the status
// description instead of an exception event (-spanerror.record=true
// requires RecordError too).
//
// Bad:
//
//	func load(ctx context.Context, id string) error {
//		ctx, span := tracer.Start(ctx, "load")
//		defer span.End()
//		if err := fetch(ctx, id); err != nil {
//			span.RecordError(err)
//			return err // want: span "load" records the error but its status is not set to codes.Error
//		}
//		return nil
//	}
//
// Good:
//
//	func load(ctx context.Context, id string) error {
//		ctx, span := tracer.Start(ctx, "load")
//		defer span.End()
//		if err := fetch(ctx, id); err != nil {
//			span.RecordError(err)
//			span.SetStatus(codes.Error, err.Error())
//			return err
//		}
//		return nil
//	}
//
// Not findings: return nil, or return err where err is nil on that path
// (after if err != nil { return ... }, also before the span starts); the
// default of a type switch over a sealed interface (a protobuf oneof)
// whose cases name nil and every implementation: it cannot run;
// errors returned after the span was ended; functions that own no span (a
// span from trace.SpanFromContext is the caller's); expected errors (below);
// the branch where a start helper that also returns an error failed
// (ctx, span, err := startSpan(ctx, req); if err != nil { return err }:
// the helper returned no span with its error, as its startsSpan fact
// says; a helper whose own body returns a live span with an error is
// followed on that branch too); and functions that return no error, such
// as HTTP handlers, which answer with a status that otelhttp records on
// the server span itself. A function that ends its span itself is checked
// even when it also returns, stores or sends the span's context; one that
// hands the context on without ending the span (a hook pair whose later
// callback ends trace.SpanFromContext(ctx)) is not. Nor is a span the
// function never ends, defers the end of, or hands on anywhere: it is
// never exported, which spanend reports once for the span, so its error
// returns are not reported once more for every span and return.
//
// A local variable that holds the span too records on it and ends it: one
// assigned a struct literal (or its address) of a type that embeds
// trace.Span (w := &wrapped{Span: span}; w.RecordError(err)), a local any
// (var a any = span; a.(trace.Span).SetStatus(...)), and variables
// assigned from those. End is recognised as a call, a method value and a
// method expression (trace.Span.End(span)).
//
// # Expected errors
//
// An error that answers the request is an outcome, not a failure of the
// span: the semantic conventions mark an HTTP server span failed only for
// 5xx and a gRPC server span only for Unknown, DeadlineExceeded,
// Unimplemented, Internal, Unavailable and DataLoss, and handled,
// expected errors are not span errors. The rule tells them apart from
// types and constructors; an expected error returned while the span is
// live is not a finding:
//
//   - a status error with a constant client-class code: gRPC
//     status.Error, Errorf, New(...).Err() and Newf with OK, Canceled,
//     InvalidArgument, NotFound, AlreadyExists, PermissionDenied,
//     ResourceExhausted, FailedPrecondition, Aborted, OutOfRange or
//     Unauthenticated; connect.NewError with the same codes; echo's
//     NewHTTPError and fiber's NewError with a 4xx status. A code that is
//     not a constant, or not a code of the scheme (an application's own
//     1600), is not known to be expected and is reported; server-class
//     codes and 5xx are failures. huma's NewError and the next majors of
//     echo and fiber are in the table too; gin builds no error from a
//     status;
//   - a value of an error type whose GRPCStatus (or Status) method
//     returns a gRPC *Status and names only client-class codes (spicedb's
//     WildcardNotAllowedError answers InvalidArgument, temporal's
//     serviceerror.NotFound NotFound): T{...} and &T{...} are expected,
//     and so is a constructor that returns only them (through its fact:
//     serviceerror.NewNotFound);
//   - a call of a constructor named as an outcome (with the words of the
//     sentinels below: ValidationError, ModelNotFound) whose every return
//     is a status error with a constant code of the application's own
//     (openfga's status.Error(codes.Code(2000), ...)): no scheme says what
//     such a code means, so the constructor's name does; one named
//     otherwise (StorageFailure), or one that computes its code, is not
//     known to be expected;
//   - a value of an error type without a gRPC status of its own whose
//     name says an outcome, with the words of the sentinels below before
//     its Error suffix, or an authorization error (NotFoundError(key),
//     &ValidationError{...}, openfga's &authorizationError{...}: access
//     refused); QueryError or ConfigError are failures;
//   - the error of a context that is over: ctx.Err(), context.Cause(ctx),
//     status.FromContextError(err).Err(), and errors compared with
//     context.Canceled or context.DeadlineExceeded;
//   - the sentinels io.EOF, sql.ErrNoRows, fs.ErrNotExist,
//     os.ErrNotExist, http.ErrServerClosed and http.ErrAbortHandler once
//     compared with == or errors.Is, and those of -spanerror.expected;
//   - a package-level sentinel named as an outcome: Err (or err) then
//     words that say not found, no rows, no such, does not exist, already
//     exists, exists, duplicate, conflict, undefined, unauthorized, unauthenticated,
//     forbidden, permission or access denied, not allowed, invalid
//     argument, input, request or token (with at most one word between:
//     ErrInvalidWriteInput, ErrInvalidPageToken; invalid alone is not
//     enough, openfga answers its ErrInvalidObject with a 500), bad
//     request, validation, failed precondition, out of range, canceled, a
//     limit of the request (depth, limit or size
//     exceeded, too many, too large, too long, too deep, too complex, rate
//     limited: gRPC's ResourceExhausted, HTTP 413 and 429), or the end of
//     an iteration (ErrIteratorDone, as io.EOF) (ErrNotFound,
//     ErrUserNotFound, ErrAlreadyExists), declared with errors.New,
//     fmt.Errorf, a composite literal, or a status constructor whose code
//     is not server-class; or a sentinel of errors.New or fmt.Errorf
//     (wrapping no failure) whose constant message says not found, already
//     exists, does not exist, no such, conflict, permission or access
//     denied, unauthorized, unauthenticated, forbidden, not allowed or
//     precondition failed, in whole words (openfga's ErrCollision = "item
//     already exists", ErrTransactionalWriteFailed = "... due to
//     conflict", a 409). Doc comments are not read; ErrInvalidConfig,
//     ErrDeadlineExceeded or ErrQuotaExhausted are failures; a sentinel whose initialiser is
//     expected (var ErrModelNotFound = status.Error(codes.NotFound, ...),
//     echo.ErrNotFound) is expected whatever its name;
//   - a translation: a sentinel, errors.New, fmt.Errorf of expected
//     errors, or an error composite returned right after the code
//     recognised an expected error, with no call that can fail in between
//     (if errors.Is(err, sql.ErrNoRows) { return ErrNoSuchUser }), or found
//     one known expected set (rel, err := getRelation(...); if err != nil
//     { return fmt.Errorf("relation %q undefined", name) }), or on the
//     branch where a lookup found nothing (if c, ok := m[id]; ok { return
//     c, nil }; return nil, errors.New("invalid customer ID"), also
//     sync.Map's Load; ok assigned only by lookups);
//   - status.Code(err) == codes.NotFound (or connect.CodeOf) makes err
//     expected on that branch;
//   - fmt.Errorf, errors.Join and the pkg/errors wrappers of expected
//     errors only; and a fmt.Errorf whose %w wraps an expected sentinel
//     of a package next to anything else (fmt.Errorf("%w: %w",
//     ErrNotFound, err)): it answers errors.Is for the sentinel, so
//     callers take it for that outcome (under %v the sentinel is text);
//   - a call of a function whose every error is nil or expected: it
//     carries the expectedError fact, across packages (an authorization
//     helper that answers with a PermissionDenied status), so return
//     checkAuthz(ctx) and err := checkAuthz(ctx); if err != nil { return
//     err } are expected. A function that only ever returns nil for its
//     error (a no-op Close, a method kept for an interface) never fails
//     and carries the fact too, as do the standard library's writes to a
//     bytes.Buffer or strings.Builder and crypto/rand.Read (its error
//     meant the operating system's random source was gone, which Go 1.24
//     made a crash), and a local variable bound once,
//     where it is declared, to a function literal whose errors are all nil
//     or expected; a call through an interface or any other function value
//     is not known and is checked. Sentinels carry the fact too, so a store package
//     that does not import OTel declares expected sentinels all the same.
//     A dependency that cannot reach the trace API is not analysed (the
//     standalone driver reads it from export data, go vet and
//     golangci-lint skip it), so its sentinels carry no fact and are
//     judged by name alone, as above (gorm's ErrRecordNotFound); the
//     per-status sentinels of echo and fiber are in a table (fiber's
//     ErrUnprocessableEntity, echo's ErrForbidden: every 4xx);
//   - a call of a validation with the caller's own inputs: a function
//     that reads only its parameters, constants and error sentinels (no
//     receiver, no package state), makes no call that can fail, returns
//     nil on some path and errors of its own making (errors.New,
//     fmt.Errorf without a wrapped error, a sentinel) only under an if or
//     a case carries the validatesInput fact (jaeger's validateQuery,
//     spicedb's dispatch.CheckDepth); called with parameters of the
//     calling function, or their fields and getters (validateQuery(q),
//     CheckDepth(ctx, req)), its errors judge the request. Called with
//     data read from a store or with constants, the same check guards
//     integrity or an invariant, and its error is a failure; so is the
//     error of a function that reads state, parses with strconv or fails
//     unconditionally;
//   - a call of an error rewriter with an expected argument: a function
//     that returns nil, its error parameter, the gRPC status it carries
//     (st, ok := status.FromError(err); return st.Err()) or a Canceled or
//     DeadlineExceeded status in a branch that found a context error
//     carries the preservesExpected fact (spicedb's rewriteError(ctx,
//     err)); it keeps a failure a failure;
//   - a call whose result type is a concrete error type of those above
//     (spicedb's NewEvaluationError returns an EvaluationError);
//   - an error received from a local channel (err := <-errc, for err :=
//     range errc) that the function makes and only sends to, receives
//     from and closes, when every send is nil or expected (openfga's
//     moduleAuthorize gathers its workers' authorization errors);
//   - an error variable assigned from any of these stays expected along
//     the path until it is assigned again.
//
// The line is drawn at what the code shows: an error of unknown origin
// (a callee without the fact, an interface method) is a failure.
// RecordError without the Error status is reported even when the error is
// expected: recording it says the author treats it as a failure (and so
// does the Error status without RecordError, with -spanerror.record=true).
// -spanerror.strict=true reports expected errors too, for teams that want
// every error return checked: only nil and the sentinel table tested with
// == or errors.Is (and -spanerror.expected) are then not failures.
//
// A SetStatus whose code is not a constant (a helper mapping an HTTP or
// gRPC status to codes.Code) sets the status: the author decided, and the
// span has no finding on that path.
//
// Helpers need no configuration: a function that sets
// SetStatus(codes.Error, ...) on its span parameter (usually with
// RecordError, or with error attributes like ory/x's otelx.End) carries a
// fact, across packages, so fail(span, err), telemetry.Finish(span, err),
// defer telemetry.FinishPtr(span, &err) and return telemetry.Fail(span, err)
// all count. So does a helper that marks the span its context parameter
// carries (trace.SpanFromContext(ctx), directly or through a recorder),
// when it is given the context the Start returned: resolveModel(ctx, id)
// after ctx, span := tracer.Start(ctx, "expand") marks the expand span. A deferred closure that records the named error result when it
// is non-nil covers every path; one that only ends the span covers none,
// and one that calls RecordError without setting the status is reported
// as such ("records the error but never sets codes.Error").
//
// A deferred recorder covers exactly the errors it sees. A return
// statement assigns the function's results before deferred calls run, so
// defer otelx.End(span, &err) with err the named result sees every
// returned error, a shadowed one (if err := load(ctx); err != nil { return
// err }) included. Given the address of another variable (no named result,
// or a second variable), it sees only that variable: a return that
// neither mentions it nor follows an assignment of a failure to it
// (retErr = err; return err) is reported. A deferred helper given err itself gets err's value at
// the defer, and records nothing when err is nil there.
//
// When RecordError(err) stands alone, the suggested fix adds
// span.SetStatus(codes.Error, err.Error()) after it, importing codes if
// needed. It names the package as the file imports it, unless a local
// variable shadows that name there (codes := ...); then it imports the
// package as codes, or as otelcodes when codes is taken, and with neither
// name free it offers no fix.
//
// The reference service shows the consequence at run time:
// refservice/antipatterns/spanerror.go returns a failure whose span is
// exported with status Unset.
//
// A span whose name is not a constant is named by where it starts: span
// started by tracer.Start at line 12.
//
// # Configuration
//
//	-spanerror.expected=NAME[,NAME]  more sentinel errors that are not
//	                                 failures, e.g. example.com/store.ErrMissing,
//	                                 or functions whose errors are all
//	                                 expected, e.g. example.com/authz.Check
//	                                 (returned, or kept in a variable:
//	                                 n, err := authz.Check(...)), for the
//	                                 spans such a function starts itself
//	                                 too; also in .otellint.yml
//	                                 (docs/config.md)
//	-spanerror.recorders=NAME[,NAME] functions that record an error on the
//	                                 first span they are passed, by full name
//	-spanerror.status=false          do not report RecordError without the
//	                                 Error status
//	-spanerror.record=true           also report an Error status set
//	                                 without RecordError
//	-spanerror.strict=true           report expected errors too
//
// Generated files (a "// Code generated ... DO NOT EDIT." header) are
// checked when their generator writes tracing wrappers whose template can
// be fixed: gowrap, whose decorators wrap every method of an interface in
// a span (the table is in analyzers/internal/otelapi). Their findings end
// with where the fix goes: "...; the file is generated by gowrap from
// template gowrap_template: fix the template and regenerate". Other
// generated files are skipped.
//
//	-spanerror.generated=wrappers  (default) check only the files of
//	                               tracing-wrapper generators
//	-spanerror.generated=all       check every generated file
//	-spanerror.generated=none      check no generated file
//
// # Limitations
//
// A borrowed span (trace.SpanFromContext) is never checked. Only the
// comparisons err != nil, err == nil, err == Sentinel,
// errors.Is(err, Sentinel), status.Code(err) == code and the cases of
// switch err refine what a path knows about an error; an error that is
// nil or expected for other reasons (errors.As, a *Status kept in a
// variable) counts as possibly failing. An error variable that a function literal
// assigns, or whose address is taken outside a defer, is never known.
// Whether a function returns only expected errors is decided without
// paths: a returned variable counts when everything assigned to it is
// nil or expected. The standard library carries no facts (go vet
// analyses it, the standalone driver does not): the tables describe it.
package spanerror
