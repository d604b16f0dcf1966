// Package attrkey defines an Analyzer that reports attribute keys the
// semantic conventions deprecate, values of a type they do not define for
// a key, misspelled keys of their namespaces, and the OpenTracing error
// tag.
//
// # Analyzer attrkey
//
// attrkey: check attribute keys against the semantic conventions
//
// Backends, dashboards and alerts follow the semantic conventions: they
// look for http.request.method, not http.method, and type
// http.response.status_code as a number. An attribute under a deprecated
// key, under a misspelled one, or with a value of another type is
// recorded but never found where it is looked for.
//
// The rule checks every attribute built in the package, wherever it goes
// (span attributes, events, links, metrics, resources: all signals share
// the keys), whatever builds it: attribute.String("k", v) and its
// siblings, attribute.Key("k").Int(v), an attribute.KeyValue literal, a
// constant of type attribute.Key of any package (the constants of every
// version of go.opentelemetry.io/otel/semconv included: old versions
// export deprecated keys such as HTTPMethodKey), and the semconv helper
// functions (semconv.HTTPMethod(v), whose key is the package's
// HTTPMethodKey). It reports:
//
//  1. a key the conventions deprecate, naming the key that replaces it or,
//     when none does on its own, saying so with the registry's reason and
//     a link to its page;
//  2. a value of another type than the one the registry defines for the
//     key (an int where a double goes is accepted: backends widen it);
//  3. a key in one of the registry's namespaces (http, db, url, ...) that
//     the registry does not define but that is one edit away from exactly
//     one current key it does (a character added, dropped, replaced, or two
//     swapped): a typo;
//  4. the key "error", the OpenTracing tag, which OpenTelemetry backends do
//     not read as a failure;
//  5. a deprecated value of an enum (cloud.platform=azure_vm) given as a
//     constant.
//
// Bad:
//
//	span.SetAttributes(
//		attribute.String("http.method", r.Method),                         // want: attribute key "http.method" is deprecated by the semantic conventions; use "http.request.method" (dashboards that follow the current conventions never see it)
//		semconv.NetPeerName(host),                                         // want: attribute key "net.peer.name" is deprecated by the semantic conventions, with no single replacement: Replaced by `server.address` on client spans and `client.address` on server spans (see https://opentelemetry.io/docs/specs/semconv/registry/attributes/network/)
//		attribute.String("http.response.status_code", strconv.Itoa(code)), // want: attribute "http.response.status_code" gets a string value, but the semantic conventions define it as int (backends that type the column drop or mis-index it)
//		attribute.String("http.request.methdo", r.Method),                 // want: attribute key "http.request.methdo" is not in the semantic conventions, which define "http.request.method" (a typo: dashboards that follow the conventions never see it)
//		attribute.Bool("error", true),                                     // want: attribute key "error" is an OpenTracing tag that OpenTelemetry backends do not read as a failure (set the span status with span.SetStatus(codes.Error, msg) and record the kind of error as error.type)
//	)
//
// Good:
//
//	span.SetAttributes(
//		semconv.HTTPRequestMethodKey.String(r.Method),
//		semconv.ServerAddress(host),
//		semconv.HTTPResponseStatusCode(code),
//	)
//	span.SetStatus(codes.Error, err.Error())
//	span.SetAttributes(semconv.ErrorTypeKey.String("timeout"))
//
// For a key the registry renames, the suggested fix writes the new key: a
// string literal becomes the new literal; an old semconv constant becomes
// the constant with the new key of the newest semconv package the file
// imports (the same package if it has one), else the literal
// (attribute.Key("new") where the constant was the receiver of a method);
// a semconv helper becomes the newer package's helper for the new key if
// it takes the same type, else its key constant's method, else
// attribute.String("new", v). No fix is offered when the replacement has
// another type or the value is not of its type, when the value is a
// constant the new key's enum does not have (db.system "mssql" is
// db.system.name "microsoft.sql_server"), or when the file imports nothing
// that can name it. A deprecated enum value written as a literal is
// replaced likewise.
//
// Not findings: keys computed at run time (attribute.String(k, v),
// "http.request."+name); keys in application namespaces (myapp.order.id),
// however close to a registry key; template keys, whose last part is any
// name (http.request.header.<name>, k8s.pod.label.<name>); look-alikes that
// are keys of their own: a plural (user.ids), a different first letter of
// a part (user.fname), a digit, a last part shorter than four letters; a
// key from a semconv package that the registry no longer knows (it came
// from the conventions of its time); values whose type the construction
// does not say (attribute.KeyValue{Value: v}) and the values of semconv
// helpers (typed by the conventions of their version); a deprecated key
// set in the same function as its replacement (a migration that emits
// both for a while); test files (they assert on the keys the code under
// test emits) and generated files.
//
// The attribute.Key constants of the module are checked once, where they
// are declared (const keyMethod = attribute.Key("http.method") is reported
// there, with its fix, and its uses in the module are not); their uses
// are checked for the value type. Variables of type attribute.Key
// initialised with a constant are checked where they are declared too.
// The attribute.Key constants of other modules (a shared keys library,
// which is not linted here) and plain string constants used as keys are
// checked where they are used, with no fix.
//
// The reference service shows the consequence at run time:
// refservice/antipatterns/attrkey.go records the request method as
// http.method, and its test shows the exported span carries http.method
// and lacks the http.request.method that dashboards query.
//
// # Registry
//
// What the rule knows comes from a table generated from the YAML of the
// semantic-conventions registry (github.com/open-telemetry/semantic-conventions,
// release v1.44.0): every attribute's key, type, stability, enum members,
// and the deprecated ones with their replacement or the registry's note.
// The registry does not record the release that deprecated a key, so the
// messages do not say since when. To regenerate the table, from a checkout
// of the registry at a newer release:
//
//	cd analyzers/internal/semconv
//	go run ./gen -registry /path/to/semantic-conventions -version v1.45.0
//
// (go generate ./analyzers/internal/semconv regenerates it from the copy
// the repository's test uses, next to the checkout, which a test compares
// with the committed table.)
//
// # Configuration
//
//	-attrkey.typos=false  do not report keys one edit away from a registry key
//	-attrkey.types=false  do not report values of another type than the registry's
//
// # Limitations
//
// A key is known only when it is a constant; a key handed through a
// variable or a function is not checked. A fix that replaces the last use
// of an old semconv package in a file leaves its import unused, and the
// driver declines to apply it (remove the import, or run goimports). The
// deprecated values of enums are found only as constants given to an
// attribute constructor, not as the semconv variables that hold them
// (semconv.CloudPlatformAzureVM).
package attrkey
