package semconv

import "testing"

func TestLookup(t *testing.T) {
	for _, c := range []struct {
		key, want string
		typ       Type
		renamed   string
	}{
		{"http.request.method", "http.request.method", String, ""},
		{"http.response.status_code", "http.response.status_code", Int, ""},
		{"http.method", "http.method", String, "http.request.method"},
		{"http.request.header.content-type", "http.request.header", StringSlice, ""},
		{"k8s.pod.labels.app", "k8s.pod.labels", String, "k8s.pod.label"},
		{"server.port", "server.port", Int, ""}, // definition/2 layout
	} {
		a, ok := Lookup(c.key)
		if !ok || a.Key != c.want || a.Type != c.typ {
			t.Errorf("Lookup(%q) = %s %v %v, want %s %v", c.key, a.Key, a.Type, ok, c.want, c.typ)
			continue
		}
		if got := ""; a.Deprecated != nil {
			got = a.Deprecated.RenamedTo
			if got != c.renamed {
				t.Errorf("Lookup(%q) renamed to %q, want %q", c.key, got, c.renamed)
			}
		} else if c.renamed != "" {
			t.Errorf("Lookup(%q) is not deprecated", c.key)
		}
	}
	for _, k := range []string{"myapp.order.id", "http.request.header", "http", ""} {
		if a, ok := Lookup(k); ok {
			t.Errorf("Lookup(%q) = %s, want none", k, a.Key)
		}
	}
}

func TestNearKey(t *testing.T) {
	for key, want := range map[string]string{
		"http.response.statuscode":  "http.response.status_code",
		"http.request.methdo":       "http.request.method",
		"url.schem":                 "url.scheme",
		"http.response.status_code": "", // defined
		"http.method":               "", // defined (deprecated)
		"myapp.request.methods":     "", // not a registry namespace
		"http.request.header.x":     "", // template
		"user.ids":                  "", // plural
		"db.name":                   "", // deprecated key, not a typo
		"server.prt":                "", // short last segment
		"user.fname":                "", // a new first letter
	} {
		got, ok := NearKey(key)
		if got != want || ok != (want != "") {
			t.Errorf("NearKey(%q) = %q, %v; want %q", key, got, ok, want)
		}
	}
}

func TestNamespaces(t *testing.T) {
	ns := Namespaces()
	if len(ns) < 50 {
		t.Fatalf("only %d namespaces: %v", len(ns), ns)
	}
	for _, n := range []string{"http", "url", "db", "server"} {
		if !InNamespace(n + ".x") {
			t.Errorf("%s is no namespace", n)
		}
	}
	if InNamespace("myapp.x") {
		t.Errorf("myapp is a namespace")
	}
}

func TestOneEdit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"abc", "abd", true}, {"abc", "ab", true}, {"abc", "abcd", true}, {"abc", "acb", true},
		{"abc", "abc", false}, {"abc", "cba", false}, {"abc", "a", false}, {"ab", "ba", true}, {"", "a", true},
	} {
		if got := oneEdit(c.a, c.b); got != c.want {
			t.Errorf("oneEdit(%q, %q) = %v", c.a, c.b, got)
		}
	}
}
