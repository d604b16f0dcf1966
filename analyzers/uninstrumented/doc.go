// Package uninstrumented defines an Analyzer that reports outbound HTTP
// requests, gRPC connections and gRPC servers that traced code uses
// without trace context.
//
// # Analyzer uninstrumented
//
// uninstrumented: check that traced code does not call other services through uninstrumented HTTP or gRPC clients
//
// A request carries its trace to the next service in the traceparent
// header, which an instrumented client's Transport
// (otelhttp.NewTransport) writes from the request's context. A request
// sent through a client without it carries no traceparent: the callee
// starts a new trace, and the request's trace stops at this service. The
// client span that would time the call is missing too. The same holds for
// a gRPC connection without otelgrpc's client stats handler, which writes
// the context into the call's metadata.
//
// In a package that traces (it starts spans, through the OTel API or span
// helpers, or it imports otelhttp or otelgrpc: a package that only knows
// the trace API's types, such as a command reading traces from a query
// service, has no trace to continue), in a function that starts a span or
// receives a context (a context.Context or *http.Request parameter, a
// function literal inside such a function among them), the rule reports a
// request sent through:
//
//   - http.Get, http.Head, http.Post and http.PostForm, which use
//     http.DefaultClient;
//   - http.DefaultClient's Do, Get, Head, Post and PostForm;
//   - a client built in the same function (c := &http.Client{...},
//     http.Client{...}) whose Transport is missing, http.DefaultTransport
//     or an *http.Transport literal, and is not set later on the same
//     variable.
//
// A client that comes from a parameter, a field or another package is not
// seen and not reported, nor is one whose Transport is anything else (a
// variable, a call: it may wrap otelhttp), nor one handed to a function
// that could set it. otelhttp.DefaultClient and otelhttp.Get are
// instrumented. Test files are not checked.
//
// In such a package (in any function: connections are built at start-up),
// it also reports grpc.NewClient, grpc.Dial and grpc.DialContext whose
// dial options are all visible (in the call, or in a local slice built
// from a literal and append and passed with ...) and none of which is
// grpc.WithStatsHandler(otelgrpc.NewClientHandler(...)). Options it
// cannot see (a parameter, a helper's result, a variable), another stats
// handler and interceptors (WithUnaryInterceptor and friends, which may
// trace) silence it, and so does a connection handed to an OTel exporter
// (otlptracegrpc.WithGRPCConn(conn)): that one carries telemetry.
//
// Inbound, in a main package that installs a tracer provider
// (otel.SetTracerProvider), it reports grpc.NewServer whose options are
// all visible, in the same way, and none of which is
// grpc.StatsHandler(otelgrpc.NewServerHandler(...)): the service starts no
// server spans, and its callers' trace context is dropped.
//
// There, it also reports http.ListenAndServe and ListenAndServeTLS
// serving a mux built in the same function (mux := http.NewServeMux())
// and used only to register function handlers of the package
// (mux.HandleFunc), when the package imports no OTel instrumentation
// (otelhttp, otelgin, otelmux...: it may wrap the handlers anywhere) and
// starts no span itself. A handler registered with Handle, a mux from
// another function or package, and the default mux (nil) are not
// followed. The fix wraps the mux: otelhttp.NewHandler(mux, "server").
//
// Bad:
//
//	func (s *Server) quote(w http.ResponseWriter, r *http.Request) {
//		client := &http.Client{Timeout: 5 * time.Second}
//		req, _ := http.NewRequestWithContext(r.Context(), "GET", s.backend, nil)
//		resp, err := client.Do(req) // want: client.Do sends the request through an http.Client whose Transport is not otelhttp.NewTransport ...
//		...
//	}
//
// Good:
//
//	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport), Timeout: 5 * time.Second}
//
// and for gRPC:
//
//	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(creds)) // want: grpc.NewClient builds a connection without otelgrpc's stats handler ...
//	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(creds), grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
//
// # Suggested fix
//
// For a client literal with no Transport field, the fix adds
// Transport: otelhttp.NewTransport(http.DefaultTransport) to it, importing
// otelhttp. http.Get and http.DefaultClient get no fix: they need a
// client of their own, which is a choice (one per process, timeouts).
// For a gRPC dial or server whose options are written in the call, the
// fix appends grpc.WithStatsHandler(otelgrpc.NewClientHandler()) or
// grpc.StatsHandler(otelgrpc.NewServerHandler()), importing otelgrpc.
//
// # With blockinghandler
//
// In a request handler, http.Get is two problems with two fixes:
// blockinghandler reports that it ignores the request's context (it is
// not cancelled when the client goes away; use
// http.NewRequestWithContext and Client.Do), and this rule that it sends
// no trace context (the callee starts a new trace; use an otelhttp
// Transport). The trace continues only with both: the context says which
// trace, the Transport writes it into the request. blockinghandler
// offers no fix for HTTP calls, and this rule's fix edits only the client
// literal, never the call, so the fixes of both rules apply together.
//
// # Configuration
//
// None.
//
// # Limitations
//
// Inbound HTTP is checked only in the narrow shape above: http.Server
// literals, handler trees built across functions or packages and the
// default mux are not followed, nor is a gRPC server built outside the
// main package. A client stored in a field or built in another function is
// not followed, nor are HTTP clients of other libraries (resty, retryablehttp).
package uninstrumented
