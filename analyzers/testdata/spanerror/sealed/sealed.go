// Package sealed covers the default of a type switch over a sealed
// interface (a protobuf oneof, as openfga's resolveUserset switches on
// userset.GetUserset()): when the cases name nil and every implementation,
// the default cannot run and its return is no finding.
package sealed

import (
	"context"
	"errors"
	"os"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("sealed")

var errUnsupported = errors.New("unsupported userset")

// isUserset_Userset is sealed: its method is unexported, as protoc-gen-go
// writes a oneof.
type isUserset_Userset interface{ isUserset_Userset() }

type Userset_This struct{}

type Userset_Computed struct{ Relation string }

type Userset_Union struct{ Children []string }

func (*Userset_This) isUserset_Userset()     {}
func (*Userset_Computed) isUserset_Userset() {}
func (*Userset_Union) isUserset_Userset()    {}

type Userset struct{ Userset isUserset_Userset }

func (u *Userset) GetUserset() isUserset_Userset { return u.Userset }

func expand(ctx context.Context, relation string) (string, error) {
	b, err := os.ReadFile(relation)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// Silent: the default cannot run.
func resolve(ctx context.Context, u *Userset) (string, error) {
	ctx, span := tracer.Start(ctx, "resolve")
	defer span.End()
	switch us := u.GetUserset().(type) {
	case nil, *Userset_This:
		return "this", nil
	case *Userset_Computed:
		return us.Relation, nil
	case *Userset_Union:
		return "union", nil
	default:
		return "", errUnsupported
	}
}

// Reported: Userset_Union falls to the default.
func resolvePart(ctx context.Context, u *Userset) (string, error) {
	ctx, span := tracer.Start(ctx, "resolvePart")
	defer span.End()
	switch us := u.GetUserset().(type) {
	case nil, *Userset_This:
		return "this", nil
	case *Userset_Computed:
		return expand(ctx, us.Relation) // want `error returned while span "resolvePart" is live`
	default:
		return "", errUnsupported // want `error returned while span "resolvePart" is live`
	}
}

// Reported: an open interface may hold any type.
func resolveAny(ctx context.Context, v any) (string, error) {
	ctx, span := tracer.Start(ctx, "resolveAny")
	defer span.End()
	switch v.(type) {
	case nil, string:
		return "", nil
	default:
		return "", errUnsupported // want `error returned while span "resolveAny" is live`
	}
}
