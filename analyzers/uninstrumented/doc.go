// Package uninstrumented defines an Analyzer that reports outbound HTTP
// requests and gRPC connections that traced code sends without trace
// context, and the HTTP and gRPC servers of a traced program that start no
// server spans.
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
// Inbound, in a main package that installs a tracer provider (it calls
// otel.SetTracerProvider, or a function that does, in this package or
// another: tracing.Init(); its tests installing one do not count), it
// reports grpc.NewServer whose options are all visible, in the same way,
// and none of which is grpc.StatsHandler(otelgrpc.NewServerHandler(...)):
// the service starts no server spans, and its callers' trace context is
// dropped. It reports too a call there of another package's function
// that returns a server so built (srv := grpcserver.New(cfg), with
// grpc.NewServer in New and its options all visible there, or through
// another such function): a server's options are fixed when it is built,
// so nothing the program does later can trace it. A function that takes
// the options, or gets them from a helper, is not followed.
//
// There, when the program instruments no server at all, it also reports
// an HTTP server whose whole handler tree is visible and holds no
// instrumentation. A program instruments a server when its main package
// does (see below), or calls a function, of any package, that calls
// otelhttp.NewHandler, otelmux.Middleware, otelgrpc.NewServerHandler or
// another server-side instrumentation, itself or further down: a program
// that traces its API server leaves an admin server untraced by choice.
// The servers are http.ListenAndServe, http.ListenAndServeTLS, http.Serve
// and http.ServeTLS, and an http.Server literal (&http.Server{Handler: h},
// http.Server{...}) served in the same function (srv.ListenAndServe(),
// srv.Serve(l), the TLS forms, or the literal served directly), whose
// Handler is set once, in the literal or later (srv.Handler = h). A
// server handed to another function, stored or returned is not followed.
// The handler tree is visible when it is built, in the same function or
// through the functions it calls, from:
//
//   - http.NewServeMux(), with Handle and HandleFunc registering visible
//     handlers only (a mux handed to another function must be one that
//     only registers visible handlers on it);
//   - http.HandlerFunc of a request handler of a package that instruments
//     no server, which calls no ServeHTTP and hands its ResponseWriter to
//     no function of another module (a function literal may call the
//     ServeHTTP of a visible handler: a middleware);
//   - net/http's own handlers (http.StripPrefix, http.TimeoutHandler,
//     http.FileServer, http.NotFoundHandler...) and h2c.NewHandler;
//   - a function that returns such a tree (h := newRouter(),
//     &http.Server{Handler: api.Routes()}), or a middleware whose result
//     is as instrumented as its argument (logging(mux)), in this package
//     or another: a fact records what a function of another package
//     builds.
//
// A package instruments no server when it starts no span, uses no OTel
// instrumentation package other than its client side (otelhttp's
// Transport, otelgrpc's client handler, options), and calls no
// propagator's Extract. Anything else in the tree, a parameter, a field,
// a package variable, an interface, a handler type of its own, another
// library's router (gin, echo, gorilla/mux: otelgin, otelecho and otelmux
// instrument them), the default mux (a nil Handler), a function without a
// fact, makes the tree invisible, and the server is not reported: it may
// be instrumented. A tree of health-check routes alone (/healthz,
// /readyz...: see healthfilter) is better untraced and is not reported
// either. The fix wraps the served handler: otelhttp.NewHandler(h,
// "server").
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
// grpc.StatsHandler(otelgrpc.NewServerHandler()), importing otelgrpc. For
// an HTTP server, the fix wraps the handler it serves (the argument of
// http.ListenAndServe, the Handler field or assignment):
// otelhttp.NewHandler(h, "server"), importing otelhttp.
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
// Inbound HTTP is checked only for trees built as above: a handler
// stored in a field, a server started by another function (a graceful
// shutdown helper, http2.ConfigureServer(srv, ...)), middlewares that read
// a field, and the default mux are not followed; nor are routers of other
// libraries, even without their instrumentation.
//
// A gRPC server built outside the main package is not reported where it
// is built, only where a program gets it from the function that builds
// it. A library is analysed before the programs that use it, so it cannot
// know whether its program installs a tracer provider; and reporting
// every grpc.NewServer without otelgrpc in a package that traces would
// report servers that must not be traced or whose tracing is the caller's
// choice: an OTLP receiver (a test collector, jaeger's own collector), a
// plugin's server, an in-process bufconn server, a server whose options
// come from its caller. A program that reaches the server through a
// method value, a closure (cobra's RunE) or a struct field is not
// followed: the services linted (cerbos, openfga) build theirs several
// calls away from main, with options from helpers.
//
// A client stored in a field or built in another function is not
// followed, nor are HTTP clients of other libraries (resty, retryablehttp).
package uninstrumented
