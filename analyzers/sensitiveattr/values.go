package sensitiveattr

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"net/textproto"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
)

// verdict is what the analysis of a value found.
type verdict int

const (
	unknown verdict = iota // nothing is known: the attribute's key decides
	found                  // the value carries secret or personal data
	cleared                // the value says it is not the data: hashed, masked, an ID, a describing name
	neutral                // the value carries nothing: a constant, a number
)

// finding says what a value carries.
type finding struct {
	what string // "an e-mail address", "the request's Authorization header"
	kind kind
	from string // the expression whose name says so; "" for a source such as a header
}

type result struct {
	v verdict
	f finding
}

var (
	unknownResult = result{v: unknown}
	clearedResult = result{v: cleared}
	neutralResult = result{v: neutral}
)

// value reports what the value e carries.
func (c *checker) value(e ast.Expr, depth int) result {
	if depth > maxDepth || e == nil {
		return unknownResult
	}
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	tv, ok := info.Types[e]
	if ok && (tv.Value != nil || tv.IsNil()) {
		return neutralResult // a constant describes; it is in the source for all to read
	}
	t := info.TypeOf(e)
	if isNumberOrBool(t) {
		return neutralResult
	}
	if isCookie(t) {
		return result{found, finding{what: "the value of " + c.cookieDesc(e, depth), kind: credential}}
	}
	if isNamedType(t, "net/http", "Request") {
		return result{found, finding{what: "the whole request, its Authorization and Cookie headers included", kind: credential}}
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, ok := info.ObjectOf(e).(*types.Var)
		if !ok {
			return unknownResult
		}
		return c.named(e.Name, e.Name, v.Type(), func() result { return c.varValue(v, depth) })
	case *ast.SelectorExpr:
		if r, ok := c.wholeHeader(e); ok {
			return r
		}
		if isCookie(info.TypeOf(e.X)) {
			if e.Sel.Name == "Value" || e.Sel.Name == "Raw" {
				return result{found, finding{what: "the value of " + c.cookieDesc(e.X, depth), kind: credential}}
			}
			return neutralResult // its name, path, expiry...
		}
		if _, ok := info.ObjectOf(e.Sel).(*types.Var); !ok {
			return unknownResult
		}
		return c.named(e.Sel.Name, short(e), t, nil)
	case *ast.IndexExpr:
		xt := info.TypeOf(e.X)
		if isHeader(xt) {
			if name, ok := otelapi.ConstString(info, e.Index); ok {
				return c.header(name, whose(info, e.X), "header")
			}
			return unknownResult
		}
		if _, isMap := under(xt).(*types.Map); isMap {
			if name, ok := otelapi.ConstString(info, e.Index); ok {
				return c.named(name, short(e), t, nil)
			}
		}
		return c.value(e.X, depth+1) // an element of sensitive data is sensitive
	case *ast.SliceExpr:
		return c.value(e.X, depth+1) // part of a secret still gives it away
	case *ast.StarExpr:
		return c.value(e.X, depth+1)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return c.value(e.X, depth+1)
		}
	case *ast.TypeAssertExpr:
		return c.value(e.X, depth+1)
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return combine(c.value(e.X, depth+1), c.value(e.Y, depth+1))
		}
	case *ast.CompositeLit:
		if _, ok := under(t).(*types.Slice); ok {
			var elts []ast.Expr
			for _, elt := range e.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				elts = append(elts, elt)
			}
			return c.args(elts, depth)
		}
	case *ast.CallExpr:
		return c.call(e, -1, depth)
	}
	return unknownResult
}

// named reports what a value carries from its name (a variable, a field,
// a map key) and, when the name does not tell, from flow (the values
// assigned to a local variable) and from its named type. A name that
// describes the data (email_verified, tokenType, hashedPassword) or an ID
// makes the value safe whatever flows into it.
func (c *checker) named(name, from string, t types.Type, flow func() result) result {
	m, e := classify(c.table, name)
	if m == describing || m == noMatch && isIDName(name) {
		return clearedResult
	}
	if flow != nil {
		if r := flow(); r.v != unknown {
			return r
		}
	}
	if m == sensitive {
		return result{found, finding{what: e.what, kind: e.kind, from: from}}
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && isStringy(t) {
		m, e := classify(c.table, n.Obj().Name())
		switch m {
		case sensitive:
			return result{found, finding{what: e.what, kind: e.kind, from: from}}
		case describing:
			return clearedResult
		}
	}
	return unknownResult
}

// varValue reports what a local variable carries from the values assigned
// to it: safe if one of them is hashed or masked (v = hash(v) before the
// span sees it), else found if one carries sensitive data.
func (c *checker) varValue(v *types.Var, depth int) result {
	as := c.assigns[v]
	if len(as) == 0 || c.visiting[v] {
		return unknownResult
	}
	if r, ok := c.memo[v]; ok {
		return r
	}
	c.visiting[v] = true
	defer delete(c.visiting, v)
	var out []result
	for _, a := range as {
		var r result
		switch {
		case a.elem && isHeader(c.pass.TypesInfo.TypeOf(a.rhs)):
			r = unknownResult // one header of many, maybe filtered: see the limitations
		case a.elem:
			r = c.value(a.rhs, depth+1)
		case a.index >= 0:
			call, ok := ast.Unparen(a.rhs).(*ast.CallExpr)
			if !ok {
				r = c.value(a.rhs, depth+1) // v, ok := m[k], x.(T), <-ch
				if a.index > 0 {
					r = neutralResult // the ok
				}
				break
			}
			r = c.call(call, a.index, depth)
		default:
			r = c.value(a.rhs, depth+1)
		}
		out = append(out, r)
	}
	r := combine(out...)
	c.memo[v] = r // once per variable: a long function assigns some many times
	return r
}

// combine merges what the parts of a value carry: safe if a part is
// hashed or masked (a prefix and a hash), else the first part found,
// else neutral if every part is, else unknown.
func combine(rs ...result) result {
	all := len(rs) > 0
	var first *result
	for i, r := range rs {
		switch r.v {
		case cleared:
			return clearedResult
		case found:
			if first == nil {
				first = &rs[i]
			}
		}
		if r.v != neutral {
			all = false
		}
	}
	if first != nil {
		return *first
	}
	if all {
		return neutralResult
	}
	return unknownResult
}

// transparent lists functions whose result carries their first argument
// (trimmed, re-cased, encoded, split): full name → index of the argument.
var transparent = map[string]int{
	"strings.ToLower": 0, "strings.ToUpper": 0, "strings.ToTitle": 0, "strings.Title": 0,
	"strings.TrimSpace": 0, "strings.Trim": 0, "strings.TrimLeft": 0, "strings.TrimRight": 0,
	"strings.TrimPrefix": 0, "strings.TrimSuffix": 0, "strings.TrimFunc": 0, "strings.Clone": 0,
	"strings.Split": 0, "strings.SplitN": 0, "strings.SplitAfter": 0, "strings.Fields": 0,
	"strings.CutPrefix": 0, "strings.CutSuffix": 0, "strings.Join": 0,
	"strings.Replace": 0, "strings.ReplaceAll": 0, "strings.ToValidUTF8": 0,
	"bytes.ToLower": 0, "bytes.TrimSpace": 0, "bytes.TrimPrefix": 0, "bytes.Clone": 0,
	"strconv.Quote": 0, "strconv.Unquote": 0, "net/url.QueryEscape": 0, "net/url.PathEscape": 0,
	"net/url.QueryUnescape": 0, "net/url.PathUnescape": 0, "html.EscapeString": 0,
	"(*encoding/base64.Encoding).EncodeToString": 0, "(*encoding/base64.Encoding).DecodeString": 0,
	"encoding/hex.EncodeToString": 0, "net/mail.ParseAddress": 0,
}

// headerGetters read a header (or gRPC metadata) named by their first
// argument: full name → whose header.
var headerGetters = map[string]string{
	"(net/http.Header).Get":                         "",
	"(net/http.Header).Values":                      "",
	"(google.golang.org/grpc/metadata.MD).Get":      "metadata",
	"(*github.com/gin-gonic/gin.Context).GetHeader": "request",
	"(*github.com/gofiber/fiber/v2.Ctx).Get":        "request",
}

// cookieGetters return the value of the request's cookie named by their
// first argument.
var cookieGetters = map[string]bool{
	"(*github.com/gin-gonic/gin.Context).Cookie": true,
	"(*github.com/gofiber/fiber/v2.Ctx).Cookies": true,
}

// getterNames are the names of functions and methods that look a value up
// by the name in their first, constant argument: the name tells what the
// value is (os.Getenv("DB_PASSWORD"), r.FormValue("email"),
// viper.GetString("api_key")).
var getterNames = map[string]bool{
	"Get": true, "GetString": true, "GetStringSlice": true, "Getenv": true, "LookupEnv": true,
	"FormValue": true, "PostFormValue": true, "PathValue": true, "Param": true, "Params": true,
	"Query": true, "QueryParam": true, "DefaultQuery": true, "PostForm": true,
	"DefaultPostForm": true, "FormParam": true, "Value": true, "MustGet": true, "GetQuery": true,
	"GetPostForm": true,
}

// call reports what the result of call carries, its result index i when
// it is assigned from a call with several results (-1 otherwise).
func (c *checker) call(call *ast.CallExpr, i int, depth int) result {
	info := c.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return c.value(call.Args[0], depth+1) // string(b)
		}
		return unknownResult
	}
	fn := typeutil.Callee(info, call)
	f, ok := fn.(*types.Func)
	if !ok || f.Pkg() == nil {
		return unknownResult
	}
	if isSanitizer(f) {
		return clearedResult
	}
	full := f.FullName()
	arg0 := func() (string, bool) {
		if len(call.Args) == 0 {
			return "", false
		}
		return otelapi.ConstString(info, call.Args[0])
	}
	if w, ok := headerGetters[full]; ok {
		name, ok := arg0()
		if !ok {
			return unknownResult
		}
		switch w {
		case "":
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				w = whose(info, sel.X)
			}
		case "metadata":
			return c.header(name, "", "metadata")
		}
		return c.header(name, w, "header")
	}
	if cookieGetters[full] && i <= 0 {
		name, ok := arg0()
		desc := "a cookie of the request"
		if ok {
			desc = fmt.Sprintf("the request's cookie %q", name)
		}
		return result{found, finding{what: "the value of " + desc, kind: credential}}
	}
	switch full {
	case "strings.Cut":
		// before, after, found: the scheme of "Bearer tok", the user of
		// "user:pass" before; the secret after.
		if i == 1 && len(call.Args) > 0 {
			return c.value(call.Args[0], depth+1)
		}
		return unknownResult
	case "(*net/http.Request).BasicAuth":
		if i == 1 {
			return result{found, finding{what: "the password of the request's basic authentication", kind: credential}}
		}
		return unknownResult // the user name
	case "(*net/url.Userinfo).Password":
		if i <= 0 {
			return result{found, finding{what: "the password of a URL", kind: credential}}
		}
		return neutralResult
	case "(*net/http.Cookie).String":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return result{found, finding{what: "the value of " + c.cookieDesc(sel.X, depth), kind: credential}}
		}
	case "(net/http.Header).Clone":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return c.value(sel.X, depth+1)
		}
	case "fmt.Sprint", "fmt.Sprintln":
		return c.args(call.Args, depth)
	case "fmt.Sprintf":
		if len(call.Args) == 0 {
			return unknownResult
		}
		format, ok := otelapi.ConstString(info, call.Args[0])
		if !ok {
			return c.args(call.Args[1:], depth)
		}
		return c.args(printed(format, call.Args[1:]), depth)
	}
	if f.Pkg().Path() == otelapi.AttributePkg && strings.HasSuffix(f.Name(), "Value") && len(call.Args) == 1 {
		return c.value(call.Args[0], depth+1) // attribute.StringValue(v) held in a variable
	}
	if j, ok := transparent[full]; ok {
		if j < len(call.Args) {
			return c.value(call.Args[j], depth+1)
		}
		return unknownResult
	}
	if getterNames[f.Name()] {
		if name, ok := arg0(); ok {
			return c.named(name, short(call), info.TypeOf(call), nil)
		}
		return unknownResult
	}
	// Any other function is opaque, but its name says what it returns,
	// as a variable's would: u.GetEmail(), lookupEmail(id) return an
	// address, emailDomain(addr) does not.
	return c.named(strings.TrimPrefix(f.Name(), "Get"), short(call), info.TypeOf(call), nil)
}

// args combines what the operands of a formatting call carry.
func (c *checker) args(args []ast.Expr, depth int) result {
	rs := make([]result, 0, len(args))
	for _, a := range args {
		rs = append(rs, c.value(a, depth+1))
	}
	return combine(rs...)
}

// printed returns the operands of fmt.Sprintf(format, args...) whose value
// the result shows: not those printed with %T (their type) or %p (an
// address). An explicit argument index makes every operand count.
func printed(format string, args []ast.Expr) []ast.Expr {
	var out []ast.Expr
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
	verb:
		for ; i < len(format); i++ {
			switch ch := format[i]; {
			case ch == '%':
				break verb
			case ch == '[':
				return args
			case ch == '*':
				n++
			case strings.IndexByte("+-# 0123456789.", ch) >= 0:
			default:
				if n < len(args) && ch != 'T' && ch != 'p' {
					out = append(out, args[n])
				}
				n++
				break verb
			}
		}
	}
	return out
}

// header reports what a header (or gRPC metadata) named name carries;
// who is "request", "response" or "" for a header of unknown origin.
func (c *checker) header(name, who, noun string) result {
	canon := textproto.CanonicalMIMEHeaderKey(name)
	if noun == "metadata" {
		canon = strings.ToLower(name)
	}
	the := "the "
	if who != "" {
		the = "the " + who + "'s "
	}
	if m, _ := classify(headerTable, name); m == sensitive {
		return result{found, finding{what: the + canon + " " + noun, kind: credential}}
	}
	switch m, e := classify(c.table, name); m {
	case sensitive:
		return result{found, finding{what: the + canon + " " + noun, kind: e.kind}}
	case describing:
		return clearedResult
	}
	return unknownResult
}

// headerKeys are the attribute key templates whose last part names a
// header or metadata entry: prefix → whose, noun.
var headerKeys = []struct{ prefix, who, noun string }{
	{"http.request.header.", "request", "header"},
	{"http.response.header.", "response", "header"},
	{"rpc.grpc.request.metadata.", "request", "metadata"},
	{"rpc.grpc.response.metadata.", "response", "metadata"},
	{"rpc.request.metadata.", "request", "metadata"},
	{"rpc.response.metadata.", "response", "metadata"},
}

// byKey reports what the attribute key says its value, of which nothing
// else is known, carries.
func (c *checker) byKey(key string, value ast.Expr) result {
	for _, h := range headerKeys {
		if name, ok := strings.CutPrefix(key, h.prefix); ok {
			return c.header(name, h.who, h.noun)
		}
	}
	m, e := classify(c.table, key)
	if m != sensitive {
		return unknownResult
	}
	return result{found, finding{what: e.what, kind: e.kind, from: short(value)}}
}

// wholeHeader reports r.Header (resp.Header) of an *http.Request (an
// *http.Response) as a value: every header, credentials included.
func (c *checker) wholeHeader(sel *ast.SelectorExpr) (result, bool) {
	if sel.Sel.Name != "Header" || !isHeader(c.pass.TypesInfo.TypeOf(sel)) {
		return result{}, false
	}
	switch whose(c.pass.TypesInfo, sel) {
	case "request":
		return result{found, finding{what: "every header of the request, Authorization and Cookie included", kind: credential}}, true
	case "response":
		return result{found, finding{what: "every header of the response, Set-Cookie included", kind: credential}}, true
	}
	return result{}, false
}

// whose returns "request" for the Header field of an *http.Request,
// "response" for that of an *http.Response and for w.Header() of an
// http.ResponseWriter, and "" for any other header.
func whose(info *types.Info, h ast.Expr) string {
	switch h := ast.Unparen(h).(type) {
	case *ast.SelectorExpr:
		if h.Sel.Name != "Header" {
			return ""
		}
		switch {
		case isNamedType(info.TypeOf(h.X), "net/http", "Request"):
			return "request"
		case isNamedType(info.TypeOf(h.X), "net/http", "Response"):
			return "response"
		}
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(h.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Header" &&
			isNamedType(info.TypeOf(sel.X), "net/http", "ResponseWriter") {
			return "response"
		}
	}
	return ""
}

// cookieDesc names the cookie e: the request's cookie "session" when it
// comes from r.Cookie("session"), else its expression.
func (c *checker) cookieDesc(e ast.Expr, depth int) string {
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok && depth <= maxDepth {
		if as := c.assigns[info.ObjectOf(id)]; len(as) == 1 {
			return c.cookieDesc(as[0].rhs, depth+1)
		}
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if fn, ok := typeutil.Callee(info, call).(*types.Func); ok {
			switch fn.FullName() {
			case "(*net/http.Request).Cookie", "(github.com/labstack/echo/v4.Context).Cookie":
				if len(call.Args) == 1 {
					if name, ok := otelapi.ConstString(info, call.Args[0]); ok {
						return fmt.Sprintf("the request's cookie %q", name)
					}
				}
				return "a cookie of the request"
			case "(*net/http.Request).Cookies", "(*net/http.Request).CookiesNamed":
				return "the request's cookies"
			}
		}
	}
	return "cookie " + short(e)
}

// sanitizerWords are the words of the names of functions that hash,
// redact, mask or anonymise what they are passed.
var sanitizerWords = map[string]bool{
	"hash": true, "hashed": true, "hasher": true, "sha": true, "sha1": true, "sha256": true,
	"sha512": true, "md5": true, "hmac": true, "digest": true, "fingerprint": true,
	"redact": true, "redacted": true, "redaction": true, "mask": true, "masked": true,
	"anonymize": true, "anonymise": true, "anonymized": true, "anonymised": true,
	"pseudonymize": true, "pseudonymise": true, "obfuscate": true, "obfuscated": true,
	"scrub": true, "scrubbed": true, "sanitize": true, "sanitise": true, "sanitized": true,
	"encrypt": true, "encrypted": true, "censor": true, "censored": true,
}

// isSanitizer reports whether fn hashes, redacts, masks or anonymises its
// arguments, by its name or its package (crypto/..., hash/...).
func isSanitizer(fn *types.Func) bool {
	for _, w := range words(fn.Name()) {
		if sanitizerWords[w] {
			return true
		}
	}
	p := fn.Pkg().Path()
	return strings.HasPrefix(p, "crypto/") || p == "hash" || strings.HasPrefix(p, "hash/") ||
		strings.HasPrefix(p, "golang.org/x/crypto/")
}

func under(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// isNumberOrBool reports whether t is a boolean or numeric type.
func isNumberOrBool(t types.Type) bool {
	b, ok := under(t).(*types.Basic)
	return ok && b.Info()&(types.IsBoolean|types.IsNumeric) != 0
}

// isStringy reports whether t is a string or byte slice type.
func isStringy(t types.Type) bool {
	switch u := under(t).(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

// isNamedType reports whether t is pkg.name or a pointer to it.
func isNamedType(t types.Type, pkg, name string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return t != nil && otelapi.IsNamed(t, pkg, name)
}

func isHeader(t types.Type) bool { return t != nil && otelapi.IsNamed(t, "net/http", "Header") }

// isCookie reports whether t is an http.Cookie, a pointer to one or a
// slice of them.
func isCookie(t types.Type) bool {
	if s, ok := under(t).(*types.Slice); ok {
		t = s.Elem()
	}
	return isNamedType(t, "net/http", "Cookie")
}
