#!/usr/bin/env bash
# Marginal instructions per synthetic unit of `vnplan run --jobs 1`, counted by callgrind, so the
# figure does not depend on the load of a shared machine (docs/performance.md, "Round 3"):
#   bench/icount.sh [VNPLAN] [OUTPREFIX]
# `vnplan synth` writes 4 and 12 units; both are run under callgrind; the marginal cost is
# (I12 - I4) / 8, which leaves out what a process does once (fonts, templates). The two
# callgrind files OUTPREFIX-4.out and OUTPREFIX-12.out stay for callgrind_annotate.
set -euo pipefail
VNPLAN=$(realpath "${1:-build/vnplan}")
PREFIX=${2:-$(mktemp -u /tmp/vnplan-icount-XXXXXX)}
command -v valgrind > /dev/null || { echo "bench/icount.sh needs valgrind (apt-get install valgrind)" >&2; exit 2; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
declare -A count
for n in 4 12; do
  "$VNPLAN" synth --units "$n" --period 2026-H1 -o "$W/units-$n" > /dev/null
  valgrind --tool=callgrind --callgrind-out-file="$PREFIX-$n.out" \
    "$VNPLAN" run "$W/units-$n" --period 2026-H1 --jobs 1 -o "$W/out-$n" > "$PREFIX-$n.log" 2>&1 ||
    { echo "run failed: $PREFIX-$n.log" >&2; exit 1; }
  count[$n]=$(grep -oE "Collected : [0-9]+" "$PREFIX-$n.log" | grep -oE "[0-9]+$")
done
echo "4 units: ${count[4]}  12 units: ${count[12]} instructions"
echo "marginal per unit: $(( (count[12] - count[4]) / 8 / 1000000 )) M instructions"
echo "callgrind files: $PREFIX-4.out $PREFIX-12.out"
