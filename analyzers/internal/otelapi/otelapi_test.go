package otelapi

import (
	"go/types"
	"testing"
)

func TestIsOutcomeName(t *testing.T) {
	for name, want := range map[string]bool{
		"ErrNotFound":                true,
		"ErrUserNotFound":            true,
		"errAlreadyExists":           true,
		"ErrKeyExists":               true,
		"ErrUnauthorizedResponse":    true,
		"ErrHTTPNotFound":            true,
		"ErrPermissionDenied":        true,
		"ErrInvalidArgument":         true,
		"ErrDuplicateTypes":          true,
		"ErrInvalidWriteInput":       true, // openfga: any one word between
		"ErrInvalidPageToken":        true,
		"ErrInvalidToken":            true,
		"ErrInvalidConfig":           false, // a misconfigured server is a failure
		"ErrInvalidInputFormat":      true,
		"ErrInvalidStoreState":       false,
		"ErrRelationUndefined":       true,  // openfga: a name the client's model does not define
		"ErrIteratorDone":            true,  // the end of a stream, as io.EOF
		"ErrTxDone":                  false, // a transaction used after commit: a bug
		"ErrInvalidTwoWordInput":     false, // one word, not two
		"ErrInvalidResponse":         false,
		"ErrInvalidObject":           false, // openfga: a 500
		"ErrResolutionDepthExceeded": true,  // openfga: a 400 (ResourceExhausted's kind)
		"ErrTooManyRequests":         true,
		"ErrDeadlineExceeded":        false, // a failure for a server span
		"ErrExceeded":                false,
		"ErrConnectionLost":          false,
		"ErrFoundation":              false, // Found alone is not Not Found
		"NotFound":                   false, // not an Err name
		"ErrNotFoundation":           false,
		"Err":                        false,
	} {
		if got := IsOutcomeName(name); got != want {
			t.Errorf("IsOutcomeName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestClassifyCode(t *testing.T) {
	for _, c := range []struct {
		s    CodeScheme
		code int64
		want CodeClass
	}{
		{GRPCCodes, 0, CodeClient}, // OK: status.Error(codes.OK, ...) is nil
		{GRPCCodes, 5, CodeClient}, // NotFound
		{GRPCCodes, 8, CodeClient}, // ResourceExhausted
		{GRPCCodes, 16, CodeClient},
		{GRPCCodes, 2, CodeServer}, // Unknown
		{GRPCCodes, 4, CodeServer}, // DeadlineExceeded
		{GRPCCodes, 13, CodeServer},
		{GRPCCodes, 1600, CodeUnknown}, // an application's own code
		{HTTPCodes, 404, CodeClient},
		{HTTPCodes, 503, CodeServer},
		{HTTPCodes, 302, CodeUnknown},
	} {
		if got := ClassifyCode(c.s, c.code); got != c.want {
			t.Errorf("ClassifyCode(%v, %d) = %v, want %v", c.s, c.code, got, c.want)
		}
	}
}

func TestIsOutcomeTypeName(t *testing.T) {
	for name, want := range map[string]bool{
		"NotFoundError":         true,
		"authorizationError":    true,
		"ValidationError":       true,
		"PermissionDeniedErr":   true,
		"errAlreadyExistsError": true,
		"InternalError":         false,
		"TimeoutError":          false,
		"NotFound":              false, // not named as an error type
		"Error":                 false,
		"ConfigError":           false,
	} {
		if got := IsOutcomeTypeName(name); got != want {
			t.Errorf("IsOutcomeTypeName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestNeverFails(t *testing.T) {
	pkg := types.NewPackage("crypto/rand", "rand")
	sig := types.NewSignatureType(nil, nil, nil, types.NewTuple(), types.NewTuple(), false)
	read := types.NewFunc(0, pkg, "Read", sig)
	for _, c := range []struct {
		version string
		want    bool
	}{{"go1.26", true}, {"go1.24", true}, {"go1.23.2", true}, {"", true}} {
		if got := NeverFails(read, c.version); got != c.want {
			t.Errorf("NeverFails(crypto/rand.Read, %q) = %v, want %v", c.version, got, c.want)
		}
	}
}

func TestIsOutcomeMessage(t *testing.T) {
	for msg, want := range map[string]bool{
		"item already exists":                        true, // openfga's ErrCollision
		"transactional write failed due to conflict": true, // openfga: a 409
		"user not found":                             true,
		"the tuple did not exist":                    true,
		"Permission denied":                          true,
		"conflicting versions":                       false, // whole words
		"not founded":                                false,
		"connection lost":                            false,
		"invalid object":                             false, // invalid is left out
		"quota exceeded":                             false,
		"":                                           false,
	} {
		if got := IsOutcomeMessage(msg); got != want {
			t.Errorf("IsOutcomeMessage(%q) = %v, want %v", msg, got, want)
		}
	}
}

// TestFrameworkClientErrors: echo's and fiber's per-status sentinels are
// expected for every 4xx, by name, whatever the driver read them from; 5xx
// ones, other names and other packages are not.
func TestFrameworkClientErrors(t *testing.T) {
	errType := types.Universe.Lookup("error").Type()
	sentinel := func(path, name string) *types.Var {
		pkg := types.NewPackage(path, "p")
		v := types.NewVar(0, pkg, name, errType)
		pkg.Scope().Insert(v)
		return v
	}
	for _, c := range []struct {
		path, name string
		want       bool
	}{
		{"github.com/gofiber/fiber/v2", "ErrUnprocessableEntity", true},
		{"github.com/gofiber/fiber/v3", "ErrTeapot", true},
		{"github.com/labstack/echo/v4", "ErrForbidden", true},
		{"github.com/labstack/echo/v4", "ErrStatusRequestEntityTooLarge", true},
		{"github.com/labstack/echo/v5", "ErrTooManyRequests", true},
		{"github.com/gofiber/fiber/v2", "ErrInternalServerError", false},
		{"github.com/labstack/echo/v4", "ErrServiceUnavailable", false},
		{"github.com/labstack/echo/v4", "ErrRendererNotRegistered", false},
		{"github.com/labstack/echo/v4", "NotFound", false},
		{"example.com/store", "ErrGone", false},
	} {
		if got := IsExpectedError(sentinel(c.path, c.name), nil); got != c.want {
			t.Errorf("IsExpectedError(%s.%s) = %v, want %v", c.path, c.name, got, c.want)
		}
	}
}
