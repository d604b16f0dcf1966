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
ft=$(cut -d' ' -f1 "$out/floor.txt" | median);    fm=$(cut -d' ' -f2 "$out/floor.txt" | median)
ot=$(cut -d' ' -f1 "$out/otellint.txt" | median); om=$(cut -d' ' -f2 "$out/otellint.txt" | median)
awk -v ft="$ft" -v fm="$fm" -v ot="$ot" -v om="$om" 'BEGIN {
  printf "%-10s %10s %12s\n", "driver", "wall (s)", "peak RSS"
  printf "%-10s %10.2f %8.2f GiB\n", "floor", ft, fm/1048576
  printf "%-10s %10.2f %8.2f GiB\n", "otellint", ot, om/1048576
  printf "ratio: wall %.2fx, memory %.2fx (targets: at most 1.3x the floor wall time, at most 1.0 GiB)\n", ot/ft, om/fm
}'
