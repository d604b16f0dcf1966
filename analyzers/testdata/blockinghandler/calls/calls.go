// Package calls has every row of the table in a handler, and its
// context-aware form next to it, which is not reported.
package calls

import (
	"context"
	"database/sql"
	"net"
	"net/http"
	"net/url"
	"os/exec"
	"strings"
	"time"
)

type server struct {
	db     *sql.DB
	stmt   *sql.Stmt
	client *http.Client
	dialer *net.Dialer
}

func (s *server) timeCalls(w http.ResponseWriter, r *http.Request) {
	time.Sleep(time.Second)        // want `time.Sleep in HTTP handler "timeCalls" ignores the request context: it keeps blocking after the client goes away \(use a select on r.Context\(\).Done\(\) and a timer\)`
	<-time.After(time.Second)      // want `<-time.After in HTTP handler "timeCalls" ignores the request context: it keeps blocking after the client goes away \(use a select that also waits on r.Context\(\).Done\(\)\)`
	t := <-time.After(time.Second) // want `<-time.After in HTTP handler "timeCalls"`
	_ = t

	select {
	case <-time.After(time.Second):
	case <-r.Context().Done():
	}
	timer := time.NewTimer(time.Second)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-r.Context().Done():
	}
}

func (s *server) httpCalls(w http.ResponseWriter, r *http.Request) {
	const u = "http://backend/x"
	http.Get(u)                              // want `http.Get in HTTP handler "httpCalls" ignores the request context: it is not cancelled when the client goes away, and its span does not join the request's trace \(use http.NewRequestWithContext\(r.Context\(\), ...\) and Client.Do\)`
	http.Head(u)                             // want `http.Head in HTTP handler`
	http.Post(u, "text/plain", nil)          // want `http.Post in HTTP handler`
	http.PostForm(u, url.Values{})           // want `http.PostForm in HTTP handler`
	s.client.Get(u)                          // want `\(\*http.Client\).Get in HTTP handler`
	s.client.Head(u)                         // want `\(\*http.Client\).Head in HTTP handler`
	s.client.Post(u, "text/plain", nil)      // want `\(\*http.Client\).Post in HTTP handler`
	s.client.PostForm(u, url.Values{})       // want `\(\*http.Client\).PostForm in HTTP handler`
	req, _ := http.NewRequest("GET", u, nil) // want `http.NewRequest in HTTP handler "httpCalls" ignores the request context: .* \(use http.NewRequestWithContext\(r.Context\(\), ...\)\)`
	s.client.Do(req)

	req2, _ := http.NewRequestWithContext(r.Context(), "GET", u, nil)
	s.client.Do(req2)
}

func (s *server) sqlCalls(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	s.db.Query("SELECT 1")     // want `\(\*sql.DB\).Query in HTTP handler "sqlCalls" ignores the request context: it is not cancelled when the client goes away, and its span does not join the request's trace \(use QueryContext\(ctx, ...\)\)`
	s.db.QueryRow("SELECT 1")  // want `\(\*sql.DB\).QueryRow in HTTP handler`
	s.db.Exec("DELETE FROM t") // want `\(\*sql.DB\).Exec in HTTP handler`
	s.db.Prepare("SELECT 1")   // want `\(\*sql.DB\).Prepare in HTTP handler`
	s.db.Ping()                // want `\(\*sql.DB\).Ping in HTTP handler .* \(use PingContext\(ctx, ...\)\)`
	tx, _ := s.db.Begin()      // want `\(\*sql.DB\).Begin in HTTP handler .* \(use BeginTx\(ctx, nil\)\)`
	tx.Query("SELECT 1")       // want `\(\*sql.Tx\).Query in HTTP handler`
	tx.QueryRow("SELECT 1")    // want `\(\*sql.Tx\).QueryRow in HTTP handler`
	tx.Exec("DELETE FROM t")   // want `\(\*sql.Tx\).Exec in HTTP handler`
	tx.Prepare("SELECT 1")     // want `\(\*sql.Tx\).Prepare in HTTP handler`
	tx.Stmt(s.stmt)            // want `\(\*sql.Tx\).Stmt in HTTP handler .* \(use StmtContext\(ctx, ...\)\)`
	s.stmt.Query()             // want `\(\*sql.Stmt\).Query in HTTP handler`
	s.stmt.QueryRow()          // want `\(\*sql.Stmt\).QueryRow in HTTP handler`
	s.stmt.Exec()              // want `\(\*sql.Stmt\).Exec in HTTP handler`
	tx.Commit()

	s.db.QueryContext(ctx, "SELECT 1")
	s.db.QueryRowContext(ctx, "SELECT 1")
	s.db.ExecContext(ctx, "DELETE FROM t")
	s.db.PrepareContext(ctx, "SELECT 1")
	s.db.PingContext(ctx)
	tx2, _ := s.db.BeginTx(ctx, nil)
	tx2.QueryContext(ctx, "SELECT 1")
	tx2.QueryRowContext(ctx, "SELECT 1")
	tx2.ExecContext(ctx, "DELETE FROM t")
	tx2.PrepareContext(ctx, "SELECT 1")
	tx2.StmtContext(ctx, s.stmt)
	s.stmt.QueryContext(ctx)
	s.stmt.QueryRowContext(ctx)
	s.stmt.ExecContext(ctx)
	conn, _ := s.db.Conn(ctx)
	conn.QueryContext(ctx, "SELECT 1")
	tx2.Rollback()
}

func (s *server) execCalls(w http.ResponseWriter, r *http.Request) {
	exec.Command("true").Run()              // want `exec.Command in HTTP handler "execCalls" ignores the request context: the command keeps running after the client goes away \(use exec.CommandContext\(r.Context\(\), ...\)\)`
	out, _ := exec.Command("date").Output() // want `exec.Command in HTTP handler`
	w.Write(out)
	cmd := exec.Command("sleep", "1") // want `exec.Command in HTTP handler`
	cmd.Start()
	cmd.Wait()
	var cmd2 = exec.Command("true") // want `exec.Command in HTTP handler`
	cmd2.CombinedOutput()

	exec.CommandContext(r.Context(), "true").Run()
	// Built but not run here: the caller decides how to run it.
	prepared := exec.Command("true")
	_ = strings.Join(prepared.Args, " ")
}

func (s *server) netCalls(w http.ResponseWriter, r *http.Request) {
	net.Dial("tcp", "db:5432")                     // want `net.Dial in HTTP handler "netCalls" ignores the request context: it keeps blocking after the client goes away \(use \(&net.Dialer\{\}\).DialContext\(r.Context\(\), ...\)\)`
	net.DialTimeout("tcp", "db:5432", time.Second) // want `net.DialTimeout in HTTP handler`
	s.dialer.Dial("tcp", "db:5432")                // want `\(\*net.Dialer\).Dial in HTTP handler .* \(use DialContext\(r.Context\(\), ...\)\)`
	net.LookupHost("example.com")                  // want `net.LookupHost in HTTP handler .* \(use net.DefaultResolver.LookupHost\(r.Context\(\), ...\)\)`
	net.LookupIP("example.com")                    // want `net.LookupIP in HTTP handler`
	net.LookupAddr("127.0.0.1")                    // want `net.LookupAddr in HTTP handler`
	net.LookupCNAME("example.com")                 // want `net.LookupCNAME in HTTP handler`
	net.LookupMX("example.com")                    // want `net.LookupMX in HTTP handler`
	net.LookupNS("example.com")                    // want `net.LookupNS in HTTP handler`
	net.LookupTXT("example.com")                   // want `net.LookupTXT in HTTP handler`
	net.LookupSRV("xmpp", "tcp", "example.com")    // want `net.LookupSRV in HTTP handler`
	net.LookupPort("tcp", "https")                 // want `net.LookupPort in HTTP handler`

	ctx := r.Context()
	s.dialer.DialContext(ctx, "tcp", "db:5432")
	(&net.Dialer{Timeout: time.Second}).DialContext(ctx, "tcp", "db:5432")
	net.DefaultResolver.LookupHost(ctx, "example.com")
	net.DefaultResolver.LookupIP(ctx, "ip", "example.com")
	var res net.Resolver
	res.LookupPort(ctx, "tcp", "https")
	_ = context.Background
}
