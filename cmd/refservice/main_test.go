//go:build unix

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// TestMain runs main itself when a test starts this test binary as the
// service: the child is the real command, with its signal handling and
// exit status.
func TestMain(m *testing.M) {
	if os.Getenv("REFSERVICE_TEST_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// service is the command running in a child process.
type service struct {
	cmd    *exec.Cmd
	addr   string
	stdout bytes.Buffer // the console exporter's spans
	mu     sync.Mutex
	stderr strings.Builder // the log
	exited chan struct{}   // closed once stderr is read to its end
}

func startService(t *testing.T, env ...string) *service {
	t.Helper()
	s := &service{cmd: exec.Command(os.Args[0]), exited: make(chan struct{})}
	s.cmd.Env = append(os.Environ(),
		"REFSERVICE_TEST_RUN_MAIN=1",
		"REFSERVICE_ADDR=127.0.0.1:0",
		"OTEL_TRACES_EXPORTER=console",
		"OTEL_TRACES_SAMPLER=always_on",
		"OTEL_SERVICE_NAME=refservice-test",
	)
	s.cmd.Env = append(s.cmd.Env, env...)
	s.cmd.Stdout = &s.stdout
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			s.cmd.Process.Kill()
			s.cmd.Wait()
		}
	})
	addr := make(chan string, 1)
	go func() {
		defer close(s.exited)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			s.mu.Lock()
			s.stderr.WriteString(line + "\n")
			s.mu.Unlock()
			if _, a, ok := strings.Cut(line, "refservice listening on "); ok {
				addr <- a
			}
		}
	}()
	select {
	case s.addr = <-addr:
	case <-s.exited:
		t.Fatalf("the service exited before listening:\n%s", s.log())
	}
	return s
}

func (s *service) log() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stderr.String()
}

// wait waits for the service to exit and returns its exit status.
func (s *service) wait(t *testing.T) int {
	t.Helper()
	<-s.exited
	err := s.cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return 0
}

// exportedSpan is what the console exporter prints of a span.
type exportedSpan struct {
	Name       string
	Attributes []struct {
		Key   string
		Value struct{ Value any }
	}
	Status struct{ Code, Description string }
}

func (sp exportedSpan) attr(key string) any {
	for _, kv := range sp.Attributes {
		if kv.Key == key {
			return kv.Value.Value
		}
	}
	return nil
}

// spans decodes the console exporter's output.
func (s *service) spans(t *testing.T) map[string][]exportedSpan {
	t.Helper()
	out := map[string][]exportedSpan{}
	dec := json.NewDecoder(&s.stdout)
	for {
		var sp exportedSpan
		err := dec.Decode(&sp)
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("exporter output: %v", err)
		}
		out[sp.Name] = append(out[sp.Name], sp)
	}
}

// slowPost starts a POST /users whose body trickles in at one byte a
// second, and returns once the handler is reading the body: the server
// answers "100 Continue" when it starts to.
func slowPost(t *testing.T, addr string) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	const body = `{"name":"Trickle","email":"trickle@example.com"}`
	_, err = io.WriteString(conn, "POST /users HTTP/1.1\r\nHost: refservice\r\nContent-Type: application/json\r\n"+
		"Content-Length: 48\r\nExpect: 100-continue\r\n\r\n")
	if err != nil {
		t.Fatal(err)
	}
	status, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || !strings.Contains(status, " 100 ") {
		t.Fatalf("before the body: %q, %v; want 100 Continue", status, err)
	}
	go func() {
		for i := 0; i < len(body); i++ {
			if _, err := conn.Write([]byte{body[i]}); err != nil {
				return // the server closed the connection
			}
			time.Sleep(time.Second)
		}
	}()
	return conn
}

// TestSIGTERM: at SIGTERM, a request whose body trickles in, and that would
// outlive the shutdown timeout, is cut off; an open WebSocket is closed
// with 1001 going away; the service exits 0 and has exported the spans of
// both.
func TestSIGTERM(t *testing.T) {
	s := startService(t, "REFSERVICE_SHUTDOWN_TIMEOUT=1s", "REFSERVICE_READ_TIMEOUT=10m")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // a hang guard only
	defer cancel()

	ws, _, err := websocket.Dial(ctx, "ws://"+s.addr+"/ws", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.CloseNow()
	if err := ws.Write(ctx, websocket.MessageText, []byte("hello")); err != nil {
		t.Fatal(err)
	}
	if _, msg, err := ws.Read(ctx); err != nil || string(msg) != "hello" {
		t.Fatalf("echo %q, %v", msg, err)
	}
	slow := slowPost(t, s.addr)

	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	_, _, err = ws.Read(ctx)
	if got := websocket.CloseStatus(err); got != websocket.StatusGoingAway {
		t.Errorf("WebSocket read after SIGTERM: %v (status %v), want a close frame with 1001 going away", err, got)
	}
	// The slow request's connection is closed (nothing is sent on it: the
	// response was the casualty).
	slow.SetReadDeadline(time.Now().Add(time.Minute)) // a hang guard only
	if _, err := io.ReadAll(slow); err != nil && !errors.Is(err, syscall.ECONNRESET) {
		t.Errorf("slow request's connection: %v, want it closed by the server", err)
	}
	if code := s.wait(t); code != 0 {
		t.Errorf("exit status %d after SIGTERM, want 0\n%s", code, s.log())
	}
	if !strings.Contains(s.log(), "closing their connections") {
		t.Errorf("the log does not tell that requests were cut off:\n%s", s.log())
	}

	spans := s.spans(t)
	for _, name := range []string{"POST /users", "validate user", "GET /ws", "websocket message"} {
		if len(spans[name]) != 1 {
			var names []string
			for n, ss := range spans {
				names = append(names, fmt.Sprintf("%s (%d)", n, len(ss)))
			}
			sort.Strings(names)
			t.Errorf("%d spans %q exported, want 1; exported: %s", len(spans[name]), name, strings.Join(names, ", "))
		}
	}
	if ws := spans["GET /ws"]; len(ws) == 1 && ws[0].attr("http.response.status_code") != float64(101) {
		t.Errorf("WebSocket span: http.response.status_code %v, want 101", ws[0].attr("http.response.status_code"))
	}
}

// TestSIGTERMIdle: with nothing in flight the service exits 0 at once.
func TestSIGTERMIdle(t *testing.T) {
	s := startService(t)
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := s.wait(t); code != 0 {
		t.Errorf("exit status %d after SIGTERM, want 0\n%s", code, s.log())
	}
	if strings.Contains(s.log(), "closing their connections") {
		t.Errorf("an idle shutdown cut requests off:\n%s", s.log())
	}
}

// TestBadTimeout: a bad duration is refused with its variable's name.
func TestBadTimeout(t *testing.T) {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "REFSERVICE_TEST_RUN_MAIN=1", "REFSERVICE_ADDR=127.0.0.1:0",
		"OTEL_TRACES_EXPORTER=none", "REFSERVICE_SHUTDOWN_TIMEOUT=-3s")
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(string(out), `REFSERVICE_SHUTDOWN_TIMEOUT="-3s"`) {
		t.Errorf("REFSERVICE_SHUTDOWN_TIMEOUT=-3s: %v\n%s", err, out)
	}
}
