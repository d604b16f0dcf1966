package shop

import (
	"database/sql"
	"net/http"

	"example.com/testdata/e2e/warehouse"
)

// DB is the shop's database.
var DB *sql.DB

// ReserveHandler blocks twice without the request's context: in the
// warehouse helper, and in a query.
func ReserveHandler(w http.ResponseWriter, r *http.Request) {
	sku := r.FormValue("sku")
	if err := warehouse.Reserve(sku); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	if _, err := DB.Exec("UPDATE stock SET n = n - 1 WHERE sku = ?", sku); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
