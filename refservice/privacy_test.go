package refservice

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/coder/websocket"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

// emailPattern matches an e-mail address, also percent-encoded (%40).
var emailPattern = regexp.MustCompile(`(?i)[a-z0-9._%+-]+(@|%40)[a-z0-9-]+(\.[a-z0-9-]+)+`)

// leaks lists every place of spans that carries an e-mail address: span
// names, attributes, events and their attributes, links, status
// descriptions, instrumentation scopes and resources.
func leaks(spans tracetest.SpanStubs) []string {
	var out []string
	check := func(s tracetest.SpanStub, where, text string) {
		if m := emailPattern.FindString(text); m != "" {
			out = append(out, fmt.Sprintf("span %q: %s carries %q", s.Name, where, text))
		}
	}
	checkAttrs := func(s tracetest.SpanStub, where string, kvs []attribute.KeyValue) {
		for _, kv := range kvs {
			check(s, where+" "+string(kv.Key), kv.Value.Emit())
		}
	}
	for _, s := range spans {
		check(s, "name", s.Name)
		checkAttrs(s, "attribute", s.Attributes)
		for _, ev := range s.Events {
			check(s, "event name", ev.Name)
			checkAttrs(s, "event "+ev.Name+" attribute", ev.Attributes)
		}
		for _, l := range s.Links {
			checkAttrs(s, "link attribute", l.Attributes)
		}
		check(s, "status description", s.Status.Description)
		check(s, "scope", s.InstrumentationScope.Name+" "+s.InstrumentationScope.Version)
		checkAttrs(s, "scope attribute", s.InstrumentationScope.Attributes.ToSlice())
		if s.Resource != nil {
			checkAttrs(s, "resource attribute", s.Resource.Attributes())
		}
	}
	return out
}

// TestLeaksFindsAddresses: the scan itself finds an address wherever it is.
func TestLeaksFindsAddresses(t *testing.T) {
	for _, s := range []tracetest.SpanStub{
		{Name: "a"},
		{Name: "b", Attributes: []attribute.KeyValue{attribute.String("url.path", "/user/a.b%40example.com")}},
		{Name: "c", Events: []sdktrace.Event{{Name: "exception", Attributes: []attribute.KeyValue{
			attribute.String("exception.message", `mail: expected single address, got "x@example.org"`)}}}},
		{Name: "d", Status: sdktrace.Status{Description: "bad ada@example.com"}},
	} {
		got := leaks(tracetest.SpanStubs{s})
		if (len(got) > 0) != (s.Name != "a") {
			t.Errorf("span %q: leaks %v", s.Name, got)
		}
	}
}

// secret is the address the test puts into every input it can.
const secret = "secret.person@example.com"

// TestNoEmailInTelemetry runs every endpoint, with valid inputs and with
// invalid ones carrying e-mail addresses (in the path, the query, the body
// and WebSocket messages), and checks that no exported span, event, status
// or resource carries an address, the set-up's spans included.
func TestNoEmailInTelemetry(t *testing.T) {
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"owner":"`+secret+`"}`)
	}))
	defer backend.Close()
	res, err := newResource(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, backend.URL, sdktrace.WithResource(res))
	client := &http.Client{
		Transport:     e.client.Transport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	traced := 0
	send := func(method, path, body string, want int) {
		t.Helper()
		req, err := http.NewRequest(method, e.srv.URL+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s %s %.40q: status %d, want %d", method, path, body, resp.StatusCode, want)
		}
		if !strings.HasPrefix(path, "/health") {
			traced++
		}
	}
	get := func(path string, want int) { t.Helper(); send(http.MethodGet, path, "", want) }
	post := func(body string, want int) { t.Helper(); send(http.MethodPost, "/users", body, want) }

	get("/", http.StatusOK)
	get("/?email="+secret, http.StatusOK)
	get("/health", http.StatusOK)
	get("/health?email="+secret, http.StatusOK)
	get("/user/1", http.StatusOK)
	get("/user/999", http.StatusNotFound)
	get("/user/"+secret, http.StatusBadRequest)
	get("/user/"+strings.ReplaceAll(secret, "@", "%40"), http.StatusBadRequest)
	get("/user/1?email="+secret, http.StatusOK)
	get("/user/1/"+secret, http.StatusNotFound)
	get("/"+secret, http.StatusNotFound)
	get("/user/x/../"+secret, http.StatusTemporaryRedirect) // to the clean path
	send(http.MethodDelete, "/user/"+secret, "", http.StatusMethodNotAllowed)
	get("/async-task?notify="+secret, http.StatusOK)
	get("/performance?email="+secret, http.StatusOK)
	for kind, want := range map[string]int{
		"validation": http.StatusBadRequest, "timeout": http.StatusGatewayTimeout,
		"division": http.StatusInternalServerError, "generic": http.StatusInternalServerError,
	} {
		get("/error?type="+kind, want)
	}
	get("/error?type="+secret, http.StatusBadRequest)
	get("/proxy?email="+secret, http.StatusOK)

	post(`{"name":"Grace Hopper","email":"grace@example.com"}`, http.StatusCreated)
	post(`{"name":"Grace Hopper","email":"grace@example.com"}`, http.StatusInternalServerError) // taken
	post(`{"name":"x","email":"first@example.com, second@example.com"}`, http.StatusBadRequest)
	post(`{"name":"x","email":"Secret Person <`+secret+`"}`, http.StatusBadRequest)
	post(`{"name":"x","email":"`+secret+`>"}`, http.StatusBadRequest)
	post(`{"name":"`+secret+`"}`, http.StatusBadRequest)
	post(`{"email":"`+secret+`"}`, http.StatusBadRequest)
	post(`{"name":"x","email":"`+secret+`"`, http.StatusBadRequest)
	post(`{"name":"x","email":["`+secret+`"]}`, http.StatusBadRequest)
	post(`{"name":"x","email":"`+secret+`",}`, http.StatusBadRequest)
	post(secret, http.StatusBadRequest)
	post(`{"name":"`+strings.Repeat(secret, MaxBodyBytes/len(secret)+1)+`"}`, http.StatusRequestEntityTooLarge)
	send(http.MethodPost, "/users?email="+secret, `{"name":"y","email":"`+secret+`"}`, http.StatusCreated)

	for _, path := range []string{"/ws", "/ws?email=" + secret} {
		ctx := context.Background()
		c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(e.srv.URL, "http")+path, &websocket.DialOptions{HTTPClient: e.client})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Write(ctx, websocket.MessageText, []byte("mail me at "+secret)); err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.Read(ctx); err != nil {
			t.Fatal(err)
		}
		c.Close(websocket.StatusNormalClosure, "")
		traced++
	}

	spans := append(e.spans(traced), e.setup...)
	if len(e.setup) == 0 {
		t.Error("no set-up spans: the seed query was not scanned")
	}
	for _, l := range leaks(spans) {
		t.Error(l)
	}
}

func TestRedactPath(t *testing.T) {
	for _, tc := range []struct{ pattern, path, want string }{
		{"GET /{$}", "/", "/"},
		{"GET /health", "/health", "/health"},
		{"GET /user/{id}", "/user/" + secret, "/user/REDACTED"},
		{"GET /a/{x}/b/{y}", "/a/1/b/2", "/a/REDACTED/b/REDACTED"},
		{"GET /files/{path...}", "/files/a/b/c", "/files/REDACTED"},
		{"GET /static/", "/static/" + secret, "/static/REDACTED"},
		{"GET /static/", "/static/", "/static/"},
		{"GET /static/", "/static/a/", "/static/REDACTED"},
		{"GET /a/{x}/", "/a/1/zz", "/a/REDACTED/REDACTED"},
		{"GET example.com/user/{id}", "/user/1", "/user/REDACTED"},
		{"", "/" + secret, "/REDACTED"},
	} {
		if got := redactPath(tc.pattern, tc.path); got != tc.want {
			t.Errorf("redactPath(%q, %q) = %q, want %q", tc.pattern, tc.path, got, tc.want)
		}
	}
}

// TestUnroutedRequest: a path that matches no route is traced under the
// method alone, with its path redacted.
func TestUnroutedRequest(t *testing.T) {
	e := newEnv(t, "")
	if code := e.get("/no/such/" + secret); code != http.StatusNotFound {
		t.Fatalf("status %d, want 404", code)
	}
	s := find(t, e.spans(1), "GET")
	wantAttr(t, s, "url.path", "/REDACTED")
	if v, ok := attr(s, "http.route"); ok {
		t.Errorf("http.route %q on a request that matched no route", v.Emit())
	}
}

// startAttrs records the attributes server spans start with: what a
// sampler or span processor sees first.
type startAttrs struct {
	mu    sync.Mutex
	attrs map[string][]attribute.KeyValue
}

func (p *startAttrs) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.attrs[s.Name()] = s.Attributes()
}
func (p *startAttrs) OnEnd(sdktrace.ReadOnlySpan)      {}
func (p *startAttrs) Shutdown(context.Context) error   { return nil }
func (p *startAttrs) ForceFlush(context.Context) error { return nil }

// TestPathNeverReachesSpan: the server span starts with the route and the
// redacted path; the raw path is not set and then overwritten.
func TestPathNeverReachesSpan(t *testing.T) {
	rec := &startAttrs{attrs: map[string][]attribute.KeyValue{}}
	e := newEnv(t, "", sdktrace.WithSpanProcessor(rec))
	e.get("/user/" + secret)
	e.spans(1)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	got := map[string]string{}
	for _, kv := range rec.attrs["GET /user/{id}"] {
		got[string(kv.Key)] = kv.Value.Emit()
	}
	if got["url.path"] != "/user/REDACTED" || got["http.route"] != "/user/{id}" {
		t.Errorf("server span started with url.path %q and http.route %q, want /user/REDACTED and /user/{id}",
			got["url.path"], got["http.route"])
	}
}
