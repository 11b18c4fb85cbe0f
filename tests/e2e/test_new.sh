#!/usr/bin/env bash
# `vnplan new`: a commented skeleton plan and a progress file for the current period that
# validate without a message, build, and give a report; never overwrites; usage errors and
# Poco's option errors in Vietnamese (issue #12).
set -u
VNPLAN=$(realpath "$1")
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
expect() { if ! grep -qF -- "$2" "$1"; then echo "FAIL: expected in $1: $2"; echo "--- got:"; cat "$1"; fail=1; fi; }
code() { [ "$3" -eq "$1" ] || { echo "FAIL: $2: exit $3, expected $1"; fail=1; }; }

for fam in state party; do
  D="$T/$fam/tan-lap"
  issuer="UBND xã Tân Lập"; [ $fam = party ] && issuer="Đảng ủy xã Tân Lập"
  "$VNPLAN" new "$D" --issuer "$issuer" --family $fam --today 2026-03-02 > "$T/o" 2> "$T/e"; code 0 "new $fam" $?
  [ -f "$D/plan.yaml" ] || { echo "FAIL: $fam: no plan.yaml"; fail=1; }
  [ -f "$D/progress/2026-H1.yaml" ] || { echo "FAIL: $fam: no progress/2026-H1.yaml"; fail=1; }
  expect "$D/plan.yaml" "short_name: \"$issuer\""
  expect "$D/plan.yaml" "family: $fam"
  expect "$D/plan.yaml" "# "
  "$VNPLAN" validate "$D" > "$T/o" 2> "$T/e"; code 0 "validate $fam skeleton" $?
  [ -s "$T/e" ] && { echo "FAIL: $fam skeleton has messages:"; cat "$T/e"; fail=1; }
  "$VNPLAN" build "$D" -o "$T/out-$fam" > "$T/o" 2> "$T/e"; code 0 "build $fam skeleton" $?
  [ -s "$T/out-$fam/tan-lap/tan-lap.pdf" ] || { echo "FAIL: $fam: no PDF"; cat "$T/e"; fail=1; }
  "$VNPLAN" report "$D" --period 2026-H1 -o "$T/out-$fam" > "$T/o" 2> "$T/e"; code 0 "report $fam skeleton" $?
  [ -s "$T/e" ] && { echo "FAIL: $fam progress skeleton has messages:"; cat "$T/e"; fail=1; }
done
pdftotext "$T/out-state/tan-lap/tan-lap.pdf" "$T/state.txt"
expect "$T/state.txt" "XÃ TÂN LẬP"
expect "$T/state.txt" "DỰ THẢO"

# After 14/6 the current period is the year's.
"$VNPLAN" new "$T/late" --issuer "UBND xã Tân Lập" --today 2026-09-01 > /dev/null 2>&1; code 0 "new in September" $?
[ -f "$T/late/progress/2026.yaml" ] || { echo "FAIL: no progress/2026.yaml in September"; fail=1; }

# Never overwrites.
cp "$T/state/tan-lap/plan.yaml" "$T/before"
echo "# edited" >> "$T/state/tan-lap/plan.yaml"; cp "$T/state/tan-lap/plan.yaml" "$T/before"
"$VNPLAN" new "$T/state/tan-lap" --issuer "UBND xã Khác" > "$T/o" 2> "$T/e"; code 1 "new over an existing plan" $?
cmp -s "$T/before" "$T/state/tan-lap/plan.yaml" || { echo "FAIL: existing plan.yaml changed"; fail=1; }
expect "$T/e" "đã có tệp này"

# Usage errors, in Vietnamese (Poco's own messages translated).
"$VNPLAN" new "$T/x" > "$T/o" 2> "$T/e"; code 2 "new without --issuer" $?
expect "$T/e" "new cần --issuer"
"$VNPLAN" new "$T/x" --issuer "UBND xã A" --family other > "$T/o" 2> "$T/e"; code 2 "bad --family" $?
expect "$T/e" "giá trị không hợp lệ: --family"
"$VNPLAN" build --no-such-option > "$T/o" 2> "$T/e"; code 2 "unknown option" $?
expect "$T/e" "tùy chọn không có"
grep -q "Unknown option" "$T/e" && { echo "FAIL: Poco's English reached the user"; cat "$T/e"; fail=1; }
"$VNPLAN" report x --period > "$T/o" 2> "$T/e"; code 2 "option without value" $?
expect "$T/e" "tùy chọn cần giá trị"

[ $fail -eq 0 ] && echo "all new checks passed"
exit $fail
