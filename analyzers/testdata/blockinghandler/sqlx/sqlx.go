// Package sqlx: sqlx's own methods and those it promotes from database/sql.
package sqlx

import (
	"net/http"

	"github.com/jmoiron/sqlx"
)

type user struct{ Name string }

func list(db *sqlx.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var users []user
		db.Select(&users, "SELECT name FROM users")                  // want `\(\*sqlx.DB\).Select in HTTP handler ignores the request context: .* \(use SelectContext\(r.Context\(\), ...\)\)`
		db.Get(&users, "SELECT name FROM users LIMIT 1")             // want `\(\*sqlx.DB\).Get in HTTP handler`
		db.Queryx("SELECT 1")                                        // want `\(\*sqlx.DB\).Queryx in HTTP handler`
		db.QueryRowx("SELECT 1")                                     // want `\(\*sqlx.DB\).QueryRowx in HTTP handler`
		db.NamedExec("DELETE FROM t WHERE n = :n", map[string]any{}) // want `\(\*sqlx.DB\).NamedExec in HTTP handler`
		db.NamedQuery("SELECT :n", map[string]any{})                 // want `\(\*sqlx.DB\).NamedQuery in HTTP handler`
		db.MustExec("DELETE FROM t")                                 // want `\(\*sqlx.DB\).MustExec in HTTP handler`
		db.Preparex("SELECT 1")                                      // want `\(\*sqlx.DB\).Preparex in HTTP handler`
		db.PrepareNamed("SELECT :n")                                 // want `\(\*sqlx.DB\).PrepareNamed in HTTP handler`
		db.Query("SELECT 1")                                         // want `\(\*sql.DB\).Query in HTTP handler`
		db.MustBegin()                                               // want `\(\*sqlx.DB\).MustBegin in HTTP handler .* \(use MustBeginTx\(r.Context\(\), nil\)\)`
		tx, _ := db.Beginx()                                         // want `\(\*sqlx.DB\).Beginx in HTTP handler .* \(use BeginTxx\(r.Context\(\), nil\)\)`
		tx.Get(&users, "SELECT 1")                                   // want `\(\*sqlx.Tx\).Get in HTTP handler`
		tx.Select(&users, "SELECT 1")                                // want `\(\*sqlx.Tx\).Select in HTTP handler`
		tx.Queryx("SELECT 1")                                        // want `\(\*sqlx.Tx\).Queryx in HTTP handler`
		tx.QueryRowx("SELECT 1")                                     // want `\(\*sqlx.Tx\).QueryRowx in HTTP handler`
		tx.NamedExec("SELECT :n", map[string]any{})                  // want `\(\*sqlx.Tx\).NamedExec in HTTP handler`
		tx.MustExec("SELECT 1")                                      // want `\(\*sqlx.Tx\).MustExec in HTTP handler`
		st, _ := tx.Preparex("SELECT 1")                             // want `\(\*sqlx.Tx\).Preparex in HTTP handler`
		ns, _ := tx.PrepareNamed("SELECT :n")                        // want `\(\*sqlx.Tx\).PrepareNamed in HTTP handler`
		tx.Stmtx(st)                                                 // want `\(\*sqlx.Tx\).Stmtx in HTTP handler`
		tx.NamedStmt(ns)                                             // want `\(\*sqlx.Tx\).NamedStmt in HTTP handler`
		st.Get(&users)                                               // want `\(\*sqlx.Stmt\).Get in HTTP handler`
		st.Select(&users)                                            // want `\(\*sqlx.Stmt\).Select in HTTP handler`
		st.Queryx()                                                  // want `\(\*sqlx.Stmt\).Queryx in HTTP handler`
		st.QueryRowx()                                               // want `\(\*sqlx.Stmt\).QueryRowx in HTTP handler`
		st.MustExec()                                                // want `\(\*sqlx.Stmt\).MustExec in HTTP handler`

		ctx := r.Context()
		db.SelectContext(ctx, &users, "SELECT name FROM users")
		db.GetContext(ctx, &users, "SELECT 1")
		tx2 := db.MustBeginTx(ctx, nil)
		tx2.SelectContext(ctx, &users, "SELECT 1")
		st2, _ := tx2.PreparexContext(ctx, "SELECT 1")
		st2.GetContext(ctx, &users)
		tx2.Commit()
	}
}
