package spans

import (
	"fmt"
	"strings"
)

// StartsSpan is an object fact: the function returns a new span that it
// does not end, so its callers own that span.
//
// When the function also returns an error, Err is that result's index and
// LiveOnErr says whether its body may return a started span together with
// a non-nil error. When it does not (return ctx, nil, err), a caller owns
// no span on the paths where that error is non-nil.
type StartsSpan struct {
	Result    int  // index of the span among the results
	NameParam int  // index of the parameter that names the span, or -1
	Err       int  // index of the error result, or -1
	LiveOnErr bool // a live span may come with a non-nil error
}

func (*StartsSpan) AFact() {}

func (f *StartsSpan) String() string {
	switch {
	case f.Err < 0:
		return "startsSpan"
	case f.LiveOnErr:
		return fmt.Sprintf("startsSpan err:%d liveOnErr", f.Err)
	}
	return fmt.Sprintf("startsSpan err:%d nilOnErr", f.Err)
}

// EndsSpan is an object fact: the function ends (on some path, or through a
// defer or closure) the spans passed in the listed parameters.
type EndsSpan struct {
	Params []int // parameter indexes, ascending
}

func (*EndsSpan) AFact() {}

func (f *EndsSpan) String() string {
	s := make([]string, len(f.Params))
	for i, p := range f.Params {
		s[i] = fmt.Sprint(p)
	}
	return "endsSpan(" + strings.Join(s, ",") + ")"
}

// SpanAPI is a package fact: the package declares functions that start or
// end spans, so importers may involve spans without importing the OTel API.
type SpanAPI struct{}

func (*SpanAPI) AFact() {}

func (*SpanAPI) String() string { return "spanAPI" }

// Analysed is a package fact: the spans analyzer saw this package's syntax,
// so a function of it with no EndsSpan fact is known not to end its spans.
type Analysed struct{}

func (*Analysed) AFact() {}

func (*Analysed) String() string { return "analysed" }

// RecordsError is an object fact: the function reports a failure on the
// spans passed in the listed parameters: it sets SetStatus(codes.Error,
// ...), usually with RecordError (directly or through another such
// helper). A listed context parameter stands for the span it carries
// (the function marks trace.SpanFromContext(ctx)).
type RecordsError struct {
	Params []int
}

func (*RecordsError) AFact() {}

func (f *RecordsError) String() string {
	s := make([]string, len(f.Params))
	for i, p := range f.Params {
		s[i] = fmt.Sprint(p)
	}
	return "recordsError(" + strings.Join(s, ",") + ")"
}
