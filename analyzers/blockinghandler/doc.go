// Package blockinghandler defines an Analyzer that reports request handlers
// that block on calls that ignore the request's context.
//
// # Analyzer blockinghandler
//
// blockinghandler: check that request handlers do not block on calls that ignore the request context
//
// A handler's request context carries the server span and the client's
// deadline, and is cancelled when the client goes away. A call in a handler
// that blocks without that context cannot be cancelled: it keeps the
// goroutine, its connection and whatever it holds (a database connection,
// a child process) busy after nobody waits for the answer, and under load
// those abandoned requests eat the server's capacity. Instrumented I/O
// (database/sql through otelsql, HTTP through otelhttp) finds its parent
// span in the context too: called without it, its spans start new, orphan
// traces instead of showing under the request.
//
// Handlers are recognised by type: functions, methods and function
// literals with the net/http handler signature
// func(http.ResponseWriter, *http.Request) (ServeHTTP methods and
// literals passed to HandleFunc among them); httprouter handles
// func(http.ResponseWriter, *http.Request, httprouter.Params); Connect
// unary handlers func(context.Context, *connect.Request[T])
// (*connect.Response[U], error); gin handlers func(*gin.Context); echo
// handlers func(echo.Context) error; fiber handlers func(*fiber.Ctx)
// error; and gRPC server methods, unary
// (ctx context.Context, *Req) (*Resp, error) or streaming, on a type that
// embeds the generated Unimplemented...Server or whose request type's
// package declares the generated ...Server interface with that method.
//
// The calls that block and ignore the context, with what to use instead:
//
//   - time.Sleep, and a bare receive <-time.After(d): a select that also
//     waits on ctx.Done();
//   - http.Get, Head, Post, PostForm, and the http.Client methods of the
//     same names: http.NewRequestWithContext and Client.Do;
//   - http.NewRequest, unless the request gets a context later
//     (req.WithContext(ctx), req.Clone(ctx)) or is returned to the caller,
//     which decides how to send it: http.NewRequestWithContext;
//   - database/sql Query, QueryRow, Exec, Prepare, Begin and Ping on *DB,
//     Query, QueryRow, Exec, Prepare and Stmt on *Tx, Query, QueryRow and
//     Exec on *Stmt: the ...Context forms and BeginTx (sql.Conn has only
//     those); and sqlx's own methods (Get, Select, Queryx, QueryRowx,
//     NamedExec, MustExec, Preparex, Beginx... on *sqlx.DB, *sqlx.Tx and
//     *sqlx.Stmt): their ...Context forms and BeginTxx;
//   - exec.Command, when the command is run in the handler:
//     exec.CommandContext;
//   - net.Dial, net.DialTimeout, (*net.Dialer).Dial and the net.Lookup...
//     functions: a net.Dialer's DialContext, net.DefaultResolver's
//     Lookup... methods.
//
// A handler that calls a function of the analysed module which takes no
// context and makes one of these calls is reported at its call, naming the
// blocking call inside and the functions in between. Facts carry this
// across packages. By default the blocking call must sit in the function
// the handler calls itself (depth 1): in a large code base nearly every
// function reaches a sleep or a dial somewhere deep down, on paths a
// request rarely takes, and following them would bury the real findings. Code that a module function runs in a goroutine of its own
// (go f(), or a helper that runs its function argument in a go statement,
// found by facts) does not count.
//
// Bad:
//
//	func (s *Server) user(w http.ResponseWriter, r *http.Request) {
//		row := s.db.QueryRow("SELECT name FROM users WHERE id = ?", r.PathValue("id")) // want: (*sql.DB).QueryRow in HTTP handler "user" ignores the request context
//		...
//	}
//
// Good:
//
//	func (s *Server) user(w http.ResponseWriter, r *http.Request) {
//		row := s.db.QueryRowContext(r.Context(), "SELECT name FROM users WHERE id = ?", r.PathValue("id"))
//		...
//	}
//
// and for a pause:
//
//	select {
//	case <-time.After(backoff):
//	case <-ctx.Done():
//		return
//	}
//
// Suggested fixes rewrite the calls whose context-aware form takes the
// same arguments after the context: db.Query(q, args...) becomes
// db.QueryContext(ctx, q, args...) (Begin becomes BeginTx(ctx, nil)),
// exec.Command becomes exec.CommandContext, http.NewRequest becomes
// http.NewRequestWithContext, net.Dial becomes
// (&net.Dialer{}).DialContext, net.LookupHost becomes
// net.DefaultResolver.LookupHost. The context passed is the innermost
// context variable declared in the handler (it carries the spans the
// handler started), else the handler's own: r.Context(),
// c.Request.Context() for gin, c.Request().Context() for echo,
// c.UserContext() for fiber, ctx or stream.Context() for gRPC. time.Sleep
// and http.Get need a new statement, so they get no fix.
//
// The line drawn, on purpose (not findings):
//
//   - the context-aware forms;
//   - any code outside a handler (background workers, main, init, a
//     constructor);
//   - code in a go statement or a callback scheduled with time.AfterFunc
//     or context.AfterFunc, which the handler detaches on purpose;
//   - a <-time.After(d) that is a case of a select, which can wait on
//     ctx.Done() too;
//   - time.Sleep or <-time.After in a loop that checks ctx.Err() or
//     ctx.Done() on every iteration (a retry back-off that stops when the
//     request is gone);
//   - time.Sleep or <-time.After that throttles a loop whose every
//     iteration makes a call with the request's context (the context
//     passed to it, or a Send or Recv on the gRPC stream) outside the
//     body's branches: a poll or a paced batch stops within one iteration,
//     when its next call fails. A pause that is a constant longer than a
//     second is still reported (the handler waits that long after the
//     client is gone); one from configuration or a back-off counts as
//     short. A pause in a loop without such a call, or that makes it only
//     in a branch, or passes it context.Background() or a detached
//     context, is reported;
//   - exec.Command when the command is not run in the handler;
//   - a function that takes a context (context.Context, *http.Request, a
//     framework context or a gRPC stream): it is its own business to use
//     it;
//   - test code. _test.go files: a test's handlers serve no real clients,
//     and test backends sleep to simulate latency. Handlers in test-support
//     packages, told by an element of the import path after the host: one
//     that is, begins with or ends with test, begins with mock, fake or
//     stub, or ends with mock(s), fake(s) or testing (testutil, testutils,
//     testing, httptest, grpctest, mocks, fakeauth, storefake,
//     importer-test), and interop, crossdock and integration
//     (cross-implementation test servers, integration suites): their
//     handlers are fakes that serve tests, not clients. English words such as latest or contest do
//     not count, nor testdata, which never names a package of a build;
//   - in example programs and demos (an element of the import path that
//     is or begins with example or demo: examples, _examples,
//     example-server), time.Sleep and <-time.After, directly or through
//     the functions the handler calls: a demo's pause stands for the work
//     it shows. Its I/O without the context is still reported: users copy
//     it.
//
// Function literals called in the handler (deferred, passed to
// errgroup.Group.Go or to a retry helper) are part of the handler.
//
// The reference service shows the consequence at run time:
// refservice/antipatterns/blockinghandler.go keeps working after the
// client has gone.
//
// # Configuration
//
// -blockinghandler.calls adds functions that block and ignore the caller's
// context, by full name (github.com/acme/store.Load,
// (*github.com/acme/store.Client).Get).
//
// -blockinghandler.depth (default 1) is how many calls deep, from the
// handler, a blocking call in the module's own functions is followed; 1
// reports only functions that make the blocking call themselves.
//
// # Limitations
//
// Only direct calls count: a blocking call through an interface or a
// function value is not seen. Transitive findings need the helper in the
// analysed module, analysed from source (otellint ./... does); versioned
// dependencies and the standard library are only checked through the
// table. A function that takes a context and ignores it is not reported.
// Test support and examples are told by import path only: a fake in a
// package named like production code (internal/server/fakes.go) is
// checked, and a production package under an element such as test or
// mock (github.com/test/shop) is not.
//
// Generated files (a "// Code generated ... DO NOT EDIT." header) are not
// checked: a generated handler's blocking calls are its generator's.
package blockinghandler
