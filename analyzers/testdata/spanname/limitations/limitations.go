// Package limitations holds known misses of spanname: each is silent.
package limitations

import (
	"context"
	"net/http"
	"strings"

	"go.opentelemetry.io/otel"

	"example.com/testdata/spanname/helpers/tel"
)

var tracer = otel.Tracer("limitations")

// false negative: the name is built by a function of another package,
// whose body the rule does not see (there is no fact for results).
func viaFunction(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), tel.OperationName(r))
	defer span.End()
}

// false negative: a slice whose elements the rule cannot see, joined.
func joined(ctx context.Context, parts []string) {
	_, span := tracer.Start(ctx, strings.Join(parts, "/"))
	defer span.End()
}

// false negative: a name passed on through a struct field.
type op struct{ name string }

func run(ctx context.Context, o op) {
	_, span := tracer.Start(ctx, o.name)
	defer span.End()
}

func useOp(ctx context.Context, r *http.Request) {
	run(ctx, op{name: r.URL.Path})
}
