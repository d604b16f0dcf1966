package otelapi

import "testing"

func TestProbePath(t *testing.T) {
	for _, c := range []struct {
		pattern, path string
		ok            bool
	}{
		{"/healthz", "/healthz", true},
		{"GET /healthz", "/healthz", true},
		{"GET  /readyz", "/readyz", true},
		{"example.com/livez", "/livez", true},
		{"GET example.com/ready", "/ready", true},
		{"/healthz/", "/healthz/", true},
		{"/healthz/{$}", "/healthz/{$}", true},
		{"/api/v1/health", "/api/v1/health", true},
		{"/Health", "/Health", true},
		{"/ping", "/ping", true},
		{"/live", "/live", true},
		{"/healthcheck", "/healthcheck", true},
		{"/healthz/liveness", "/healthz/liveness", true},
		{"/healthz/{check}", "/healthz/{check}", true},
		{"/api/readiness", "/api/readiness", true},
		{"/v1/health-records/{id}", "", false},
		{"/ping/{id}", "", false},
		{"/health/{id}", "", false},
		{"/pingpong", "", false},
		{"/", "", false},
		{"", "", false},
		{"healthz", "", false},
		{"GET /orders", "", false},
	} {
		path, ok := ProbePath(c.pattern)
		if path != c.path || ok != c.ok {
			t.Errorf("ProbePath(%q) = %q, %v; want %q, %v", c.pattern, path, ok, c.path, c.ok)
		}
	}
}
