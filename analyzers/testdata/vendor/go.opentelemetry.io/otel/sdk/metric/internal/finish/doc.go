// Copyright The OpenTelemetry Authors
// SPDX-License-Identifier: Apache-2.0

// Package finish coordinates the lifecycle of finish-aware metric series.
package finish
