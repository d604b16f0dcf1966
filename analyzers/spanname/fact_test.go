package spanname

import (
	"bytes"
	"encoding/gob"
	"slices"
	"testing"
)

// TestFactEncoding: the namesSpan fact is deterministic, small and keeps
// its parameters across go vet's fact files.
func TestFactEncoding(t *testing.T) {
	f := &namesSpan{Params: []int{1, 2}}
	var a, b bytes.Buffer
	if err := gob.NewEncoder(&a).Encode(f); err != nil {
		t.Fatal(err)
	}
	if err := gob.NewEncoder(&b).Encode(f); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) || a.Len() > 200 {
		t.Errorf("encoding: %d bytes, deterministic %v", a.Len(), bytes.Equal(a.Bytes(), b.Bytes()))
	}
	var g namesSpan
	if err := gob.NewDecoder(&a).Decode(&g); err != nil || !slices.Equal(g.Params, f.Params) {
		t.Errorf("round trip: %v, %+v", err, g)
	}
	if got := g.String(); got != "namesSpan(1,2)" {
		t.Errorf("String() = %q", got)
	}
}

func TestWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{"id", "id"},
		{"userID", "user_id"},
		{"userId", "user_id"},
		{"UserID", "user_id"},
		{"HTTPServer", "http_server"},
		{"account_id", "account_id"},
		{"n", "n"},
	} {
		if got := snake(c.in); got != c.want {
			t.Errorf("snake(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for name, want := range map[string]bool{"id": true, "userID": true, "ids": true, "uuid": true, "name": false, "idle": false, "void": false, "path": false, "email": true} {
		if got := idLike(name); got != want {
			t.Errorf("idLike(%q) = %v, want %v", name, got, want)
		}
	}
	for name, want := range map[string]string{"get_account": "get_account", "GET account": "get_account", "GET /users": "get_users", "db.query": "db.query"} {
		if got := keyPrefix(name); got != want {
			t.Errorf("keyPrefix(%q) = %q, want %q", name, got, want)
		}
	}
}
