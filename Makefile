# Developer entry points. CI runs .ci/run, which runs the README's test command.
GO ?= go

.PHONY: all build test lint check generate check-generate e2e e2e-gcl custom-gcl bench install run-refservice vet-otellint

all: check

build:
	$(GO) build ./...

install:
	$(GO) install ./cmd/otellint

test:
	$(GO) test -timeout 60m ./...

e2e:
	$(GO) test ./cmd/otellint -run 'Standalone|Vet|JSON|Fix|Usage|SARIF|Baseline|OutputFlags' -v

# golangci-lint with the plugin, built and compared with the standalone driver
# (cached under the user cache dir: minutes when cold, seconds after).
e2e-gcl:
	$(GO) test -timeout 60m ./gclplugin -run 'GolangciLint|ShippedConfigs' -v

# bin/custom-gcl: golangci-lint with the plugin of this checkout (clones golangci-lint from GitHub).
custom-gcl:
	$(GO) run github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.15.0 custom

lint:
	@test -z "$$(gofmt -l analyzers cmd internal gclplugin gen.go | grep -v testdata)" || (gofmt -l analyzers cmd internal gclplugin gen.go | grep -v testdata; exit 1)
	$(GO) vet ./...
	$(GO) run ./cmd/otellint $$($(GO) list ./... | grep -v /antipatterns)

generate:
	$(GO) generate ./...

check-generate:
	$(GO) run ./internal/docgen/cmd/docgen -root . -check

check: lint check-generate test

# otellint as a go vet tool on this repository, with the rule users copy from
# docs/ci/otellint.mk (TestVetOtellintMakefile keeps the two equal): the
# otellint of this checkout, on every package but the reference service's
# anti-patterns, which make each rule's mistake on purpose.
OTELLINT_PACKAGES ?= $$($(GO) list ./... | grep -v /antipatterns)
vet-otellint: install
vet-otellint: export PATH := $(or $(shell $(GO) env GOBIN),$(shell $(GO) env GOPATH)/bin):$(PATH)
vet-otellint:
	@command -v otellint >/dev/null || { echo "vet-otellint: otellint is not on PATH (go install github.com/otellint/otellint/cmd/otellint@v0.1.0)" >&2; exit 1; }
	go vet -vettool="$$(command -v otellint)" $(OTELLINT_PACKAGES)

# Speed and memory against the floor driver on the same packages; see
# scripts/bench.sh for the knobs (BENCH_DIR, BENCH_PATTERN, BENCH_RUNS).
bench:
	./scripts/bench.sh

run-refservice:
	$(GO) run ./cmd/refservice
