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
// (after if err != nil { return ... }); errors returned after the span was
// ended; functions that own no span (a span from trace.SpanFromContext is
// the caller's); sentinel errors that are not failures by contract
// (io.EOF, context.Canceled, sql.ErrNoRows, http.ErrServerClosed)
// returned after comparing with == or errors.Is; and functions that
// return no error, such as HTTP handlers, which answer with a status that
// otelhttp records on the server span itself.
//
// Helpers need no configuration: a function that sets
// SetStatus(codes.Error, ...) on its span parameter (usually with
// RecordError, or with error attributes like ory/x's otelx.End) carries a
// fact, across packages, so fail(span, err), telemetry.Finish(span, err),
// defer telemetry.FinishPtr(span, &err) and return telemetry.Fail(span, err)
// all count. A deferred closure that records the named error result when it
// is non-nil covers every path; one that only ends the span covers none.
//
// When RecordError(err) stands alone, the suggested fix adds
// span.SetStatus(codes.Error, err.Error()) after it, importing codes if
// needed.
//
// The reference service shows the consequence at run time:
// refservice/antipatterns/spanerror.go returns a failure whose span is
// exported with status Unset.
//
// # Configuration
//
//	-spanerror.expected=NAME[,NAME]  more sentinel errors that are not
//	                                 failures, e.g. example.com/store.ErrMissing
//	-spanerror.recorders=NAME[,NAME] functions that record an error on the
//	                                 first span they are passed, by full name
//	-spanerror.status=false          do not report RecordError without the
//	                                 Error status
//	-spanerror.record=true           also report an Error status set
//	                                 without RecordError
//
// # Limitations
//
// A borrowed span (trace.SpanFromContext) is never checked. Only the
// comparisons err != nil, err == nil, err == Sentinel and
// errors.Is(err, Sentinel) refine what a path knows about an error; an
// error that is nil for other reasons counts as possibly non-nil.
package spanerror
