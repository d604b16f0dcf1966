package refservice

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/coder/websocket"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

func TestGreeting(t *testing.T) {
	e := newEnv(t, "")
	if code := e.get("/"); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	spans := e.spans(1)
	s := find(t, spans, "GET /{$}")
	if s.SpanKind != trace.SpanKindServer {
		t.Errorf("kind %v, want server", s.SpanKind)
	}
	wantAttr(t, s, "http.request.method", "GET")
	wantAttr(t, s, "http.route", "/{$}")
	wantAttr(t, s, "url.path", "/")
	wantAttr(t, s, "http.response.status_code", "200")
	if len(s.Events) != 1 || s.Events[0].Name != "greeting" {
		t.Errorf("events %v, want the greeting event", s.Events)
	}
}

func TestGetUser(t *testing.T) {
	e := newEnv(t, "")
	if code := e.get("/user/1"); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	spans := e.spans(1)
	server := find(t, spans, "GET /user/{id}")
	wantAttr(t, server, "http.route", "/user/{id}")
	wantAttr(t, server, "url.path", "/user/REDACTED") // the id is client input: an e-mail address, sometimes
	wantAttr(t, server, "user.id", "1")
	db := find(t, spans, "sql.conn.query")
	wantChild(t, db, server)
	if db.SpanKind != trace.SpanKindClient {
		t.Errorf("db span kind %v, want client", db.SpanKind)
	}
	wantAttr(t, db, "db.system.name", "sqlite")

	// A missing user is the client's problem: 404, span status unset.
	e.exporter.Reset()
	if code := e.get("/user/999"); code != http.StatusNotFound {
		t.Fatalf("status %d, want 404", code)
	}
	server = find(t, e.spans(1), "GET /user/{id}")
	if server.Status.Code != codes.Unset {
		t.Errorf("404: server span status %v, want unset", server.Status.Code)
	}
	e.exporter.Reset()
	if code := e.get("/user/abc"); code != http.StatusBadRequest {
		t.Fatalf("status %d, want 400", code)
	}
	e.spans(1)
}

func TestCreateUser(t *testing.T) {
	e := newEnv(t, "")
	post := func(body string) int {
		req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/users", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		return e.do(req)
	}
	if code := post(`{"name":"Grace Hopper","email":"grace@example.com"}`); code != http.StatusCreated {
		t.Fatalf("status %d, want 201", code)
	}
	spans := e.spans(1)
	server := find(t, spans, "POST /users")
	wantChild(t, find(t, spans, "validate user"), server)
	wantChild(t, find(t, spans, "sql.conn.exec"), server)
	for _, s := range spans {
		for _, kv := range s.Attributes {
			if strings.Contains(kv.Value.Emit(), "grace@example.com") {
				t.Errorf("span %q carries the e-mail address in %s", s.Name, kv.Key)
			}
		}
	}

	for _, tc := range []struct {
		body string
		code int
	}{
		{`{"name":`, http.StatusBadRequest},
		{`{"name":"no email"}`, http.StatusBadRequest},
		{`{"name":"x","email":"not an address"}`, http.StatusBadRequest},
		{`{"name":"` + strings.Repeat("x", MaxBodyBytes) + `"}`, http.StatusRequestEntityTooLarge},
	} {
		e.exporter.Reset()
		if code := post(tc.body); code != tc.code {
			t.Errorf("status %d, want %d", code, tc.code)
			continue
		}
		spans := e.spans(1)
		v := find(t, spans, "validate user")
		if v.Status.Code != codes.Error || !hasException(v) {
			t.Errorf("%d: validation span has status %v and events %v, want Error with an exception", tc.code, v.Status.Code, v.Events)
		}
		if s := find(t, spans, "POST /users"); s.Status.Code == codes.Error {
			t.Errorf("%d: a client error must not fail the server span", tc.code)
		}
	}
}

func TestAsyncTask(t *testing.T) {
	e := newEnv(t, "")
	if code := e.get("/async-task"); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	spans := e.spans(1)
	server := find(t, spans, "GET /async-task")
	workflow := find(t, spans, "process workflow")
	wantChild(t, workflow, server)
	subs := findAll(spans, "subtask")
	if len(subs) != 3 {
		t.Fatalf("%d subtask spans, want 3", len(subs))
	}
	for _, s := range subs {
		wantChild(t, s, workflow)
	}
	// They ran concurrently: every pair overlaps in time.
	for i := range subs {
		for j := range subs {
			if i != j && !(subs[i].StartTime.Before(subs[j].EndTime) && subs[j].StartTime.Before(subs[i].EndTime)) {
				t.Errorf("subtasks %d and %d do not overlap", i, j)
			}
		}
	}
	wantChild(t, find(t, spans, "aggregate results"), workflow)
}

func TestErrors(t *testing.T) {
	e := newEnv(t, "")
	for _, tc := range []struct {
		kind    string
		code    int
		message string
	}{
		{"validation", http.StatusBadRequest, "validation failed"},
		{"timeout", http.StatusGatewayTimeout, "deadline exceeded"},
		{"division", http.StatusInternalServerError, "division by zero"},
		{"generic", http.StatusInternalServerError, "something went wrong"},
	} {
		e.exporter.Reset()
		if code := e.get("/error?type=" + tc.kind); code != tc.code {
			t.Errorf("%s: status %d, want %d", tc.kind, code, tc.code)
			continue
		}
		spans := e.spans(1)
		demo := find(t, spans, "error demo")
		if demo.Status.Code != codes.Error || !strings.Contains(demo.Status.Description, tc.message) {
			t.Errorf("%s: span status %v %q, want Error %q", tc.kind, demo.Status.Code, demo.Status.Description, tc.message)
		}
		if !hasException(demo) {
			t.Errorf("%s: no exception event", tc.kind)
		}
		server := find(t, spans, "GET /error")
		wantChild(t, demo, server)
		wantServerErr := tc.code >= 500
		if (server.Status.Code == codes.Error) != wantServerErr {
			t.Errorf("%s: server span status %v for HTTP %d", tc.kind, server.Status.Code, tc.code)
		}
	}
}

func TestPerformance(t *testing.T) {
	e := newEnv(t, "")
	if code := e.get("/performance"); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	spans := e.spans(1)
	server := find(t, spans, "GET /performance")
	last := server.StartTime
	for _, name := range []string{"load data", "transform", "render"} {
		p := find(t, spans, name)
		wantChild(t, p, server)
		if p.StartTime.Before(last) {
			t.Errorf("phase %q started before the previous one ended", name)
		}
		last = p.EndTime
	}
}

func TestProxyPropagatesTraceContext(t *testing.T) {
	var got atomic.Value
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.Store(r.Header.Get("traceparent"))
		w.Write([]byte("pong"))
	}))
	defer backend.Close()
	e := newEnv(t, backend.URL)
	if code := e.get("/proxy"); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	spans := e.spans(1)
	server := find(t, spans, "GET /proxy")
	client := find(t, spans, "HTTP GET")
	wantChild(t, client, server)
	if client.SpanKind != trace.SpanKindClient {
		t.Errorf("outbound span kind %v, want client", client.SpanKind)
	}
	tp, _ := got.Load().(string)
	want := "00-" + server.SpanContext.TraceID().String() + "-" + client.SpanContext.SpanID().String() + "-01"
	if tp != want {
		t.Errorf("backend got traceparent %q, want %q", tp, want)
	}
}

func TestInboundTraceparentIsParent(t *testing.T) {
	e := newEnv(t, "")
	const traceID, parentID = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
	req, _ := http.NewRequest(http.MethodGet, e.srv.URL+"/", nil)
	req.Header.Set("traceparent", "00-"+traceID+"-"+parentID+"-01")
	e.do(req)
	s := find(t, e.spans(1), "GET /{$}")
	if s.SpanContext.TraceID().String() != traceID || s.Parent.SpanID().String() != parentID || !s.Parent.IsRemote() {
		t.Errorf("server span trace %s parent %s (remote %v), want trace %s parent %s",
			s.SpanContext.TraceID(), s.Parent.SpanID(), s.Parent.IsRemote(), traceID, parentID)
	}
}

func TestHealthIsNotTraced(t *testing.T) {
	e := newEnv(t, "")
	for range 5 {
		if code := e.get("/health"); code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
	}
	e.get("/") // a traced request, to know the server has ended its spans
	spans := e.spans(1)
	if len(spans) != 1 {
		t.Errorf("spans %v, want only the greeting's", names(spans))
	}
}

func TestWebSocket(t *testing.T) {
	e := newEnv(t, "")
	ctx := context.Background()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(e.srv.URL, "http")+"/ws", &websocket.DialOptions{HTTPClient: e.client})
	if err != nil {
		t.Fatal(err)
	}
	for _, msg := range []string{"one", "two", "three"} {
		if err := c.Write(ctx, websocket.MessageText, []byte(msg)); err != nil {
			t.Fatal(err)
		}
		_, got, err := c.Read(ctx)
		if err != nil || string(got) != msg {
			t.Fatalf("echo %q, %v; want %q", got, err, msg)
		}
	}
	c.Close(websocket.StatusNormalClosure, "")
	spans := e.spans(1)
	server := find(t, spans, "GET /ws")
	msgs := findAll(spans, "websocket message")
	if len(msgs) != 3 {
		t.Fatalf("%d message spans, want 3", len(msgs))
	}
	for _, m := range msgs {
		wantChild(t, m, server)
	}
}

// TestLoad sends thousands of requests, tens at a time, over loopback: no
// span is lost and none is left open.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	e := newEnv(t, "")
	paths := []string{"/", "/user/1", "/user/2", "/performance", "/error?type=generic", "/health"}
	const requests, workers = 3000, 32
	var next atomic.Int64
	var traced atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= requests {
					return
				}
				p := paths[i%int64(len(paths))]
				resp, err := e.client.Get(e.srv.URL + p)
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
				if p != "/health" {
					traced.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	spans := e.spans(int(traced.Load()))
	started, ended := e.tracker.Counts()
	if started != ended || started-e.baseStarted != len(spans) {
		t.Errorf("started %d, ended %d, exported %d spans", started, ended, len(spans))
	}
}
