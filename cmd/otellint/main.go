// Command otellint checks OpenTelemetry tracing in Go code.
//
//	otellint [flags] [packages]                 # standalone, default ./...
//	go vet -vettool=$(which otellint) ./...     # as a vet tool
//	otellint help [rule]                        # the rules and their docs
//	otellint version                            # the version (-V=full: go vet's tool ID)
//	go tool otellint ./...                      # after go get -tool github.com/otellint/otellint/cmd/otellint
//
// Exit status: 0 no findings, 3 findings, 1 load, type or analysis errors,
// 2 bad usage.
package main

import "github.com/otellint/otellint/internal/driver"

func main() { driver.Main() }
