#!/usr/bin/env bash
# The whole country in one run: `vnplan synth` writes 3,321 communes (34 provinces), then
# `vnplan run --jobs 2` builds 4 × 3,321 documents (plan PDF, appendix XLSX, report PDF and
# XLSX) under /usr/bin/time -v, then runs again with nothing changed.
# Targets (issue 14): first run ≤ 45 s wall and ≤ 150 MB peak RSS; second run ≤ 3 s.
#   bench/national-run.sh [VNPLAN] [UNITS] [WORKDIR]
set -eu
VNPLAN=$(realpath "${1:-build/vnplan}")
UNITS=${2:-3321}
W=${3:-$(mktemp -d)}
PERIOD=2026-H1
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}
rm -rf "$W/country" "$W/out"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
/usr/bin/time -f "synth: %e s wall, %M KB peak RSS" "$VNPLAN" synth --units "$UNITS" --period $PERIOD -o "$W/country" > /dev/null
echo "input: $(du -sh "$W/country" | cut -f1) in $(find "$W/country" -name plan.yaml | wc -l) plans"

/usr/bin/time -v "$VNPLAN" run "$W/country" --period $PERIOD --jobs 2 -o "$W/out" > "$W/run1.out" 2> "$W/run1.err" || true
cat "$W/run1.out"
grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time|Percent of CPU" "$W/run1.err"
echo "output: $(du -sh "$W/out" | cut -f1), $(find "$W/out" -name '*.pdf' | wc -l) PDF, $(find "$W/out" -name '*.xlsx' | wc -l) XLSX"

/usr/bin/time -v "$VNPLAN" run "$W/country" --period $PERIOD --jobs 2 -o "$W/out" > "$W/run2.out" 2> "$W/run2.err" || true
echo "second run (nothing changed):"
cat "$W/run2.out"
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$W/run2.err"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(work dir: $W)"
