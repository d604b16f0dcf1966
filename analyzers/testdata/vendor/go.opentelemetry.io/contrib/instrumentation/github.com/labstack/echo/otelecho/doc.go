// Copyright The OpenTelemetry Authors
// SPDX-License-Identifier: Apache-2.0

// Package otelecho instruments the labstack/echo package
// (https://github.com/labstack/echo).
//
// Currently only the routing of a received message can be instrumented. To do
// so, use the Middleware function.
package otelecho // import "go.opentelemetry.io/contrib/instrumentation/github.com/labstack/echo/otelecho"
