package fix

import (
	"context"
	"database/sql"
	"net"
	"net/http"
	"os/exec"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"go.opentelemetry.io/otel"
)

var db *sql.DB

func list(w http.ResponseWriter, r *http.Request) {
	rows, err := db.Query("SELECT id FROM users WHERE team = ?", r.FormValue("team")) // want `\(\*sql.DB\).Query in HTTP handler "list"`
	if err != nil {
		return
	}
	defer rows.Close()
	tx, _ := db.Begin() // want `\(\*sql.DB\).Begin in HTTP handler "list"`
	defer tx.Rollback()
	db.Ping() // want `\(\*sql.DB\).Ping in HTTP handler "list"`
	args := []any{1}
	db.Exec("DELETE FROM t WHERE id = ?", args...) // want `\(\*sql.DB\).Exec in HTTP handler "list"`
}

// The span's context is the one to pass: the query becomes its child.
func traced(w http.ResponseWriter, r *http.Request) {
	ctx, span := otel.Tracer("fix").Start(r.Context(), "traced")
	defer span.End()
	db.QueryRow("SELECT 1")                       // want `\(\*sql.DB\).QueryRow in HTTP handler "traced"`
	out, _ := exec.Command("date", "-u").Output() // want `exec.Command in HTTP handler "traced"`
	w.Write(out)
	req, _ := http.NewRequest(http.MethodGet, "http://backend/", nil) // want `http.NewRequest in HTTP handler "traced"`
	http.DefaultClient.Do(req)
	_ = ctx
}

func dial(w http.ResponseWriter, r *http.Request) {
	c, _ := net.Dial("tcp", "cache:6379") // want `net.Dial in HTTP handler "dial"`
	c.Close()
	c2, _ := net.DialTimeout("tcp", "cache:6379", 2*time.Second) // want `net.DialTimeout in HTTP handler "dial"`
	c2.Close()
	var d net.Dialer
	c3, _ := d.Dial("tcp", "cache:6379") // want `\(\*net.Dialer\).Dial in HTTP handler "dial"`
	c3.Close()
	addrs, _ := net.LookupHost("cache") // want `net.LookupHost in HTTP handler "dial"`
	ips, _ := net.LookupIP("cache")     // want `net.LookupIP in HTTP handler "dial"`
	_, _ = addrs, ips
}

func ginList(c *gin.Context) {
	db.Exec("DELETE FROM t") // want `\(\*sql.DB\).Exec in gin handler "ginList"`
}

func echoList(c echo.Context) error {
	_, err := db.Exec("DELETE FROM t") // want `\(\*sql.DB\).Exec in echo handler "echoList"`
	return err
}

// No fix: time.Sleep needs a select; an unnamed request has no expression.
func noFix(http.ResponseWriter, *http.Request) {
	time.Sleep(time.Millisecond) // want `time.Sleep in HTTP handler "noFix"`
	db.Ping()                    // want `\(\*sql.DB\).Ping in HTTP handler "noFix"`
}

// A context detached with WithoutCancel is for work that outlives the
// request; the fix passes the request's own.
func detached(w http.ResponseWriter, r *http.Request) {
	bg := context.WithoutCancel(r.Context())
	go func() { db.ExecContext(bg, "INSERT INTO audit VALUES (1)") }()
	db.Exec("DELETE FROM t") // want `\(\*sql.DB\).Exec in HTTP handler "detached" .* \(use ExecContext\(r.Context\(\), ...\)\)`
}

// The request parameter is shadowed where the call is: reported, but no
// expression to pass, so no fix.
func shadowed(w http.ResponseWriter, r *http.Request) {
	for _, r := range []string{"a"} {
		db.Exec("DELETE FROM t WHERE id = ?", r) // want `\(\*sql.DB\).Exec in HTTP handler "shadowed" ignores the request context: .* \(use ExecContext\(ctx, ...\)\)`
	}
}

var _ = context.Background
