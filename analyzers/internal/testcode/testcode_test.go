package testcode

import "testing"

func TestSupportPackage(t *testing.T) {
	for path, want := range map[string]string{
		"google.golang.org/grpc/interop":                     "interop",
		"google.golang.org/grpc/interop/server":              "interop",
		"net/http/httptest":                                  "httptest",
		"go.temporal.io/server/common/testing/testvars":      "testing",
		"go.temporal.io/server/tests/testcore":               "tests",
		"github.com/acme/shop/internal/testutil":             "testutil",
		"github.com/acme/shop/internal/testutils":            "testutils",
		"github.com/acme/shop/internal/mocks":                "mocks",
		"github.com/acme/shop/internal/fakeauth":             "fakeauth",
		"github.com/acme/shop/internal/storefake":            "storefake",
		"github.com/acme/shop/internal/workflowservicemock":  "workflowservicemock",
		"github.com/acme/shop/tools/importer-test":           "importer-test",
		"github.com/acme/shop/e2e/shop":                      "",
		"github.com/acme/shop/internal/grpctest":             "grpctest",
		"github.com/acme/shop/internal/test_stub":            "test_stub",
		"github.com/acme/shop/internal/latest":               "",
		"github.com/acme/shop/internal/contest":              "",
		"github.com/acme/shop/internal/attestation":          "",
		"github.com/acme/shop/internal/manifest":             "",
		"github.com/acme/shop/internal/server":               "",
		"example.com/testdata/blockinghandler/negative":      "",
		"github.com/test/shop/server":                        "test", // the owner is looked at: a rare miss
		"testdata.example.com/shop":                          "",
		"github.com/acme/shop/internal/integration/postgres": "integration",
		"github.com/acme/shop/internal/integrations/slack":   "",
		"github.com/jaegertracing/jaeger/crossdock/services": "crossdock",
	} {
		got, ok := SupportPackage(path)
		if got != want || ok != (want != "") {
			t.Errorf("SupportPackage(%q) = %q, %v; want %q", path, got, ok, want)
		}
	}
}

func TestExamplePackage(t *testing.T) {
	for path, want := range map[string]string{
		"github.com/jaegertracing/jaeger/examples/hotrod/services/route": "examples",
		"github.com/gin-gonic/gin/_examples/server":                      "_examples",
		"github.com/acme/shop/cmd/example-server":                        "example-server",
		"github.com/acme/shop/demo":                                      "demo",
		"example.com/shop/server":                                        "",
		"github.com/acme/shop/internal/server":                           "",
	} {
		got, ok := ExamplePackage(path)
		if got != want || ok != (want != "") {
			t.Errorf("ExamplePackage(%q) = %q, %v; want %q", path, got, ok, want)
		}
	}
}
