#!/usr/bin/env bash
# Measures otellint (every rule on) against the floor driver (one syntactic
# analyzer, stock go/analysis driver) on the same packages: several runs
# each, alternating, after a warm-up that fills the build cache. Prints
# the medians of wall time and peak RSS and the ratios.
#
#   BENCH_DIR      module to analyse (default: analyzers/testdata)
#   BENCH_PATTERN  package pattern (default: ./...)
#   BENCH_RUNS     runs per driver (default: 5)
#   BENCH_EXTRA    extra otellint flags
#   BENCH_STOCK=1  also time the otellint suite in the stock go/analysis
#                  driver (every dependency from source), once
#   BENCH_VET=0    skip go vet -vettool=otellint against plain go vet
#   BENCH_GCL=0    skip golangci-lint with the otellint plugin against
#                  stock golangci-lint running its built-in spancheck
#   GCL_CUSTOM, GCL_STOCK  the two golangci-lint binaries (default: the
#                  newest ones that `go test ./gclplugin -run TestGolangciLint`
#                  cached under the user cache directory)
#
# Each comparison alternates the pair, several runs, and prints medians
# and ratios. go vet keeps results in the build cache, keyed on the tool
# and its flags; every run passes a flag with a value new to the cache that
# changes nothing else (plain vet: -printf.funcs=<a name no code has>;
# otellint: -spanerror.expected=<a name no package has>), so both sides
# analyse every package every time. (-c does not: go vet keeps it out of
# the key.) golangci-lint gets a fresh GOLANGCI_LINT_CACHE each run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${BENCH_DIR:-$root/analyzers/testdata}"
pattern="${BENCH_PATTERN:-./...}"
runs="${BENCH_RUNS:-5}"
out="$root/.bench"
mkdir -p "$out"

(cd "$root" && go build -o "$out/otellint" ./cmd/otellint && go build -o "$out/floor" ./internal/driver/floor)

measure() { # name binary...: appends "seconds kilobytes" to $out/$name.txt
  local name=$1; shift
  ( cd "$dir" && /usr/bin/time -f "%e %M" -o "$out/$name.one" "$@" $pattern >/dev/null 2>"$out/$name.err" ) || true
  grep -v "^Command" "$out/$name.one" >> "$out/$name.txt"   # time notes a non-zero exit first
}

echo "target: $dir ($pattern), $runs runs each"
( cd "$dir" && go build $pattern >/dev/null 2>&1 || true )   # warm the build cache
rm -f "$out"/*.txt
measure warm "$out/floor"; measure warm "$out/otellint" ${BENCH_EXTRA:-}
rm -f "$out"/*.txt
for i in $(seq "$runs"); do
  measure floor "$out/floor"
  measure otellint "$out/otellint" ${BENCH_EXTRA:-}
done

if [ "${BENCH_STOCK:-}" = 1 ]; then
  FLOOR_STOCK_SUITE=1 measure stock "$out/floor"
  awk '{printf "stock driver with the otellint suite (one run): %.2f s, %.2f GiB\n", $1, $2/1048576}' "$out/stock.txt"
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# pair NAME_A NAME_B LABEL_A LABEL_B: medians and ratios of B against A.
pair() {
  local at am bt bm
  at=$(cut -d' ' -f1 "$out/$1.txt" | median); am=$(cut -d' ' -f2 "$out/$1.txt" | median)
  bt=$(cut -d' ' -f1 "$out/$2.txt" | median); bm=$(cut -d' ' -f2 "$out/$2.txt" | median)
  awk -v at="$at" -v am="$am" -v bt="$bt" -v bm="$bm" -v a="$3" -v b="$4" 'BEGIN {
    printf "%-34s %8.2f s %8.2f GiB\n", a, at, am/1048576
    printf "%-34s %8.2f s %8.2f GiB\n", b, bt, bm/1048576
    printf "ratio: wall %.2fx, memory %.2fx\n", bt/at, bm/am
  }'
}
ft=$(cut -d' ' -f1 "$out/floor.txt" | median);    fm=$(cut -d' ' -f2 "$out/floor.txt" | median)
ot=$(cut -d' ' -f1 "$out/otellint.txt" | median); om=$(cut -d' ' -f2 "$out/otellint.txt" | median)
awk -v ft="$ft" -v fm="$fm" -v ot="$ot" -v om="$om" 'BEGIN {
  printf "%-10s %10s %12s\n", "driver", "wall (s)", "peak RSS"
  printf "%-10s %10.2f %8.2f GiB\n", "floor", ft, fm/1048576
  printf "%-10s %10.2f %8.2f GiB\n", "otellint", ot, om/1048576
  printf "ratio: wall %.2fx, memory %.2fx (targets: at most 1.1x the floor wall time, 1.2x its peak RSS)\n", ot/ft, om/fm
}'

if [ "${BENCH_VET:-1}" = 1 ]; then
  echo
  echo "go vet: plain go vet against go vet -vettool=otellint ($runs runs each)"
  rm -f "$out"/vet.txt "$out"/vetotellint.txt
  nonce=$(date +%s%N)
  measure vetwarm go vet -printf.funcs=benchwarm$nonce
  measure vetwarm go vet -vettool="$out/otellint" -spanerror.expected=bench.Warm$nonce
  for i in $(seq "$runs"); do
    measure vet go vet -printf.funcs=bench$nonce$i
    measure vetotellint go vet -vettool="$out/otellint" -spanerror.expected=bench.Run$nonce$i
  done
  pair vet vetotellint "go vet" "go vet -vettool=otellint"
  echo "(target: at most 1.1x plain go vet's wall time)"
fi

if [ "${BENCH_GCL:-1}" = 1 ]; then
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/otellint-gcl-e2e"
  custom="${GCL_CUSTOM:-$(ls -td "$cache"/custom-gcl-*/custom-gcl 2>/dev/null | head -1)}"
  stock="${GCL_STOCK:-$(ls -td "$cache"/golangci-lint-*/golangci-lint 2>/dev/null | head -1)}"
  echo
  if [ -z "$custom" ] || [ -z "$stock" ]; then
    echo "golangci-lint: no binaries (go test ./gclplugin -run TestGolangciLint builds them, or set GCL_CUSTOM and GCL_STOCK); skipped"
  else
    echo "golangci-lint: stock with spancheck alone against custom with otellint alone ($runs runs each)"
    cfgs=$(mktemp -d)
    printf 'version: "2"\nlinters:\n  default: none\n  enable: [spancheck]\n' > "$cfgs/stock.yml"
    printf 'version: "2"\nlinters:\n  default: none\n  enable: [otellint]\n  settings:\n    custom:\n      otellint:\n        type: module\n' > "$cfgs/custom.yml"
    gcl() { # name binary config
      local name=$1 bin=$2 cfg=$3
      GOLANGCI_LINT_CACHE="$(mktemp -d)" measure "$name" "$bin" run -c "$cfg" --issues-exit-code=0
    }
    rm -f "$out"/gclstock.txt "$out"/gclcustom.txt
    gcl gclwarm "$stock" "$cfgs/stock.yml"; gcl gclwarm "$custom" "$cfgs/custom.yml"
    for i in $(seq "$runs"); do
      gcl gclstock "$stock" "$cfgs/stock.yml"
      gcl gclcustom "$custom" "$cfgs/custom.yml"
    done
    pair gclstock gclcustom "golangci-lint (spancheck)" "golangci-lint (otellint plugin)"
    echo "(target: no more time or memory than stock golangci-lint with spancheck)"
    rm -rf "$cfgs"
  fi
fi
