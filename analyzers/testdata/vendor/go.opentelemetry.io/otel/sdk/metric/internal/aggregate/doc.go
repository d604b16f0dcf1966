// Copyright The OpenTelemetry Authors
// SPDX-License-Identifier: Apache-2.0

// Package aggregate provides aggregate types used compute aggregations and
// cycle the state of metric measurements made by the SDK. These types and
// functionality are meant only for internal SDK use.
package aggregate
