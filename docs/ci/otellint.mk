# otellint as a go vet tool, for your Makefile (copy the rule, or
# `include` this file): go vet caches each package's result, and exits 1
# on findings or when a package does not build. See docs/ci.md.
#
#   go install github.com/otellint/otellint/cmd/otellint@v0.1.0
#   make vet-otellint
#   make vet-otellint OTELLINT_PACKAGES=./internal/...

OTELLINT_PACKAGES ?= ./...

.PHONY: vet-otellint
vet-otellint:
	@command -v otellint >/dev/null || { echo "vet-otellint: otellint is not on PATH (go install github.com/otellint/otellint/cmd/otellint@v0.1.0)" >&2; exit 1; }
	go vet -vettool="$$(command -v otellint)" $(OTELLINT_PACKAGES)
