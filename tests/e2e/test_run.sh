#!/usr/bin/env bash
# `vnplan run` on a small synthetic country (`vnplan synth`): builds everything; a second run
# rebuilds nothing; a changed plan or progress file rebuilds only its outputs; a bad plan
# among good ones gives exit 1 and all the good outputs; a run killed with kill -9 leaves no
# partial file and the next run completes; --shard parts are disjoint and cover all plans; a
# second run is locked out; outputs are the bytes of `vnplan build` / `vnplan report`.
set -u
VNPLAN=$(realpath "$1"); SRC=$2
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export SOURCE_DATE_EPOCH=1767225600 VNPLAN_CACHE="$T/cache"
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; fi; }
json() { /usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$1" "$2"; }
# Every file under OUT_DIR with its inode and mtime: what a run touched shows as a change.
stamps() { find "$1" -mindepth 2 -type f ! -name '.vnplan-run-state' -printf '%P %i %T@\n' | sort; }
# Exits non-zero when any file under OUT_DIR is not a complete output (a temporary, a
# truncated PDF, a workbook that is not a whole zip).
complete() {
  /usr/bin/python3 - "$1" <<'PY'
import os, sys, zipfile
bad = []
for d, _, files in os.walk(sys.argv[1]):
    for f in files:
        p = os.path.join(d, f)
        if ".tmp-" in f: bad.append(p + " (temporary)")
        elif f.endswith(".pdf"):
            with open(p, "rb") as fh: data = fh.read()
            if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-32:]: bad.append(p + " (truncated PDF)")
        elif f.endswith(".xlsx"):
            try:
                with zipfile.ZipFile(p) as z:
                    if z.testzip() is not None: bad.append(p)
            except Exception as e: bad.append(p + " (" + str(e) + ")")
for b in bad: print("partial file:", b)
sys.exit(1 if bad else 0)
PY
}

R="$T/root"; O="$T/out"
"$VNPLAN" synth --units 10 --seed 7 --period 2026-H1 -o "$R" > "$T/synth.log" || { echo "FAIL: synth"; exit 1; }
N=$(find "$R" -name plan.yaml | wc -l)
check "synth wrote 10 plans" '[ "$N" -eq 10 ]'
check "synth wrote both families" 'grep -qs "family: party" "$R"/*/*/plan.yaml && grep -qs "family: state" "$R"/*/*/plan.yaml'
check "5-digit commune folders under 2-digit provinces" '[ "$(find "$R" -mindepth 2 -maxdepth 2 -type d -regextype egrep -regex ".*/[0-9]{2}-[a-z-]+/[0-9]{5}-(xa|phuong)-[a-z-]+" | wc -l)" -eq 10 ]'
"$VNPLAN" synth --units 10 --seed 7 --period 2026-H1 -o "$T/root2" > /dev/null
check "synth is deterministic" 'diff -r "$R" "$T/root2" > /dev/null'
"$VNPLAN" synth --units 10 --seed 8 --period 2026-H1 -o "$T/root3" > /dev/null
check "another seed gives other plans" '! diff -r "$R" "$T/root3" > /dev/null'
"$VNPLAN" validate $(dirname $(find "$R" -name plan.yaml)) > "$T/validate.log" 2>&1
check "synthetic plans validate without warnings" '[ $? -eq 0 ] && ! grep -q "cảnh báo" "$T/validate.log"'

# 1. The first run builds the four documents of every plan.
"$VNPLAN" run "$R" --period 2026-H1 -j 2 -o "$O" > "$T/run1.out" 2> "$T/run1.err"; rc=$?
check "run 1 exit 0 (got $rc)" '[ $rc -eq 0 ]'
S="$O/vnplan-run-2026-H1.json"
check "run 1 built 10" '[ "$(json "$S" built)" = 10 ] && [ "$(json "$S" files_written)" = 40 ]'
check "run 1: 40 documents" '[ "$(find "$O" -name "*.pdf" -o -name "*.xlsx" | wc -l)" -eq 40 ]'
check "run 1: log lines off a terminal" 'grep -q "^\[10/10\] .*: đã dựng" "$T/run1.err"'
check "run 1: summary printed" 'grep -q "10 kế hoạch — 10 đã dựng, 0 không đổi, 0 lỗi" "$T/run1.out"'
complete "$O" || fail=1

# 2. Outputs are the bytes of build and report one by one (one plan of each family).
for P in $(grep -l "family: party" "$R"/*/*/plan.yaml | head -1) $(grep -l "family: state" "$R"/*/*/plan.yaml | head -1); do
  D=$(dirname "$P"); id=$(basename "$D")
  "$VNPLAN" build "$D" -o "$T/single" > /dev/null && "$VNPLAN" report "$D" --period 2026-H1 -o "$T/single" > /dev/null
  for f in "$T/single/$id"/*; do
    check "run output identical to build/report: $id/$(basename "$f")" 'cmp -s "$f" "$O/$id/$(basename "$f")"'
  done
  check "4 files for $id" '[ "$(ls "$T/single/$id" | wc -l)" -eq 4 ]'
done

# The seed plans too (footnotes, notes, multi-year targets): run = build + report.
"$VNPLAN" run "$SRC/inputs" --period 2026-H1 -o "$T/seedrun" > /dev/null 2>&1 || { echo "FAIL: run on the seeds"; fail=1; }
for p in "$SRC"/inputs/*/; do
  "$VNPLAN" build "$p" -o "$T/seedone" > /dev/null && "$VNPLAN" report "$p" --period 2026-H1 -o "$T/seedone" > /dev/null
done
n=0
for f in "$T"/seedone/*/*; do
  n=$((n + 1)); rel=${f#"$T/seedone/"}
  check "seed: run output identical to build/report: $rel" 'cmp -s "$f" "$T/seedrun/$rel"'
done
check "seed: 12 documents compared (got $n)" '[ "$n" -eq 12 ]'

# 3. A second run with nothing changed rebuilds nothing.
stamps "$O" > "$T/st1"
"$VNPLAN" run "$R" --period 2026-H1 -o "$O" > "$T/run2.out" 2>&1; rc=$?
check "run 2 exit 0" '[ $rc -eq 0 ]'
check "run 2 unchanged 10" '[ "$(json "$S" unchanged)" = 10 ] && [ "$(json "$S" built)" = 0 ] && [ "$(json "$S" files_written)" = 0 ]'
stamps "$O" > "$T/st2"
check "run 2 touched no output" 'diff "$T/st1" "$T/st2" > /dev/null'

# 4. Changing one plan rebuilds only that plan's four outputs; changing one progress file
# only that plan's report.
A=$(dirname $(find "$R" -name plan.yaml | sort | sed -n 3p)); a=$(basename "$A")
B=$(dirname $(find "$R" -name plan.yaml | sort | sed -n 5p)); b=$(basename "$B")
sed -i 's/^  name: \(.*\)$/  name: \1 Thị/' "$A/plan.yaml"
echo "# a comment changes the bytes" >> "$B/progress/2026-H1.yaml"
"$VNPLAN" run "$R" --period 2026-H1 -o "$O" > /dev/null 2>&1; rc=$?
check "run 3 exit 0" '[ $rc -eq 0 ]'
check "run 3 built 2, unchanged 8" '[ "$(json "$S" built)" = 2 ] && [ "$(json "$S" unchanged)" = 8 ] && [ "$(json "$S" files_written)" = 6 ]'
stamps "$O" > "$T/st3"
changed=$(diff "$T/st2" "$T/st3" | grep '^>' | awk '{print $2}' | sort | tr '\n' ' ')
expected="$a/$a-bao-cao-2026-H1.pdf $a/$a-bao-cao-2026-H1.xlsx $a/$a-phu-luc.xlsx $a/$a.pdf $b/$b-bao-cao-2026-H1.pdf $b/$b-bao-cao-2026-H1.xlsx "
check "run 3 rewrote exactly [$expected] (got [$changed])" '[ "$changed" = "$expected" ]'
"$VNPLAN" run "$R" --period 2026-H1 -o "$O" > /dev/null 2>&1
check "run 3b: nothing left to do" '[ "$(json "$S" unchanged)" = 10 ]'
# An included file is an input too.
echo "# changed" >> "$A/tasks.yaml"
"$VNPLAN" run "$R" --period 2026-H1 -o "$O" > /dev/null 2>&1
check "a changed !include file rebuilds its plan" '[ "$(json "$S" built)" = 1 ]'
# A deleted output is rebuilt.
rm "$O/$b/$b.pdf"
"$VNPLAN" run "$R" --period 2026-H1 -o "$O" > /dev/null 2>&1
check "a deleted output is rebuilt" '[ -f "$O/$b/$b.pdf" ] && [ "$(json "$S" files_written)" = 2 ]'

# 5. A bad plan among good ones: exit 1, its located messages, all good outputs.
mkdir -p "$R/99-hong/99999-xa-loi"
cp -r "$A"/* "$R/99-hong/99999-xa-loi/"
sed -i 's/^  family: .*/  family: hoang/' "$R/99-hong/99999-xa-loi/plan.yaml"
rm -rf "$T/out5"
"$VNPLAN" run "$R" --period 2026-H1 -o "$T/out5" > "$T/run5.out" 2> "$T/run5.err"; rc=$?
S5="$T/out5/vnplan-run-2026-H1.json"
check "bad plan: exit 1 (got $rc)" '[ $rc -eq 1 ]'
check "bad plan: 10 built, 1 failed" '[ "$(json "$S5" built)" = 10 ] && [ "$(json "$S5" failed)" = 1 ]'
check "bad plan: 40 good documents" '[ "$(find "$T/out5" -name "*.pdf" -o -name "*.xlsx" | wc -l)" -eq 40 ]'
check "bad plan: nothing for it" '[ ! -e "$T/out5/99999-xa-loi/99999-xa-loi.pdf" ]'
check "bad plan: located message on stderr" 'grep -q "99999-xa-loi/plan.yaml:[0-9]*:[0-9]*: lỗi" "$T/run5.err"'
check "bad plan: located message in the JSON" '/usr/bin/python3 -c "import json,sys; f=json.load(open(sys.argv[1]))[\"failures\"]; sys.exit(not (len(f)==1 and f[0][\"plan\"]==\"99999-xa-loi\" and \"plan.yaml:\" in f[0][\"messages\"][0]))" "$S5"'
check "bad plan: named in the summary" 'grep -q "lỗi: .*99999-xa-loi" "$T/run5.out"'
rm -rf "$R/99-hong"

# 6. --shard I/3: disjoint parts covering every plan.
for i in 0 1 2; do
  "$VNPLAN" run "$R" --period 2026-H1 --shard $i/3 -o "$T/shard" > /dev/null 2>&1 || fail=1
  check "shard $i/3 summary" '[ -f "$T/shard/vnplan-run-2026-H1-shard-$i-of-3.json" ]'
  find "$T/shard" -name '*.pdf' -newer "$T/st3" -printf '%h\n' | sort -u > "$T/shard$i"
  touch "$T/st3"; sleep 0.01
done
total=$(cat "$T"/shard[012] | wc -l); uniq=$(cat "$T"/shard[012] | sort -u | wc -l)
check "shards disjoint and covering ($total listed, $uniq distinct)" '[ "$total" -eq 10 ] && [ "$uniq" -eq 10 ]'
check "no shard empty-handed by design of 3 over 10" '[ -s "$T/shard0" ] || [ -s "$T/shard1" ]'
check "shard outputs are the same bytes" 'for f in $(cd "$O" && ls */*.pdf */*.xlsx); do cmp -s "$O/$f" "$T/shard/$f" || exit 1; done'

# 7. The lock: a second run on the same OUT_DIR waits for nobody and says why (exit 4).
flock "$O/.vnplan-run.lock" sleep 3 &
sleep 0.5
"$VNPLAN" run "$R" --period 2026-H1 -o "$O" > /dev/null 2> "$T/lock.err"; rc=$?
check "locked OUT_DIR: exit 4 (got $rc)" '[ $rc -eq 4 ]'
check "locked OUT_DIR: message" 'grep -q "đang ghi vào thư mục này" "$T/lock.err"'
wait

# 8. kill -9 in the middle of a run: no partial file; the next run completes.
K="$T/killed"
"$VNPLAN" run "$R" --period 2026-H1 -j 1 -o "$K" > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 400); do
  [ "$(find "$K" -name '*.pdf' 2>/dev/null | wc -l)" -ge 3 ] && break
  sleep 0.02
done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
n=$(find "$K" -name '*.pdf' -o -name '*.xlsx' | wc -l)
echo "killed after $n of 40 documents"
check "killed midway (got $n documents of 40)" '[ "$n" -lt 40 ]'
complete "$K" || fail=1
"$VNPLAN" run "$R" --period 2026-H1 -o "$K" > /dev/null 2>&1; rc=$?
check "run after kill: exit 0" '[ $rc -eq 0 ]'
check "run after kill: all 40 documents" '[ "$(find "$K" -name "*.pdf" -o -name "*.xlsx" | wc -l)" -eq 40 ]'
check "run after kill: same bytes as an uninterrupted run" 'for f in $(cd "$O" && ls */*.pdf */*.xlsx); do cmp -s "$O/$f" "$K/$f" || exit 1; done'
complete "$K" || fail=1

# 9. Usage errors.
"$VNPLAN" run "$R" -o "$T/x" > /dev/null 2>&1; check "run without --period: exit 2" '[ $? -eq 2 ]'
"$VNPLAN" run "$R" --period 2026-H1 --shard 3/3 -o "$T/x" > /dev/null 2>&1; check "--shard 3/3: exit 2" '[ $? -eq 2 ]'
"$VNPLAN" synth -o "$T/x" > /dev/null 2>&1; check "synth without --units: exit 2" '[ $? -eq 2 ]'

[ $fail -eq 0 ] && echo "run: all checks passed"
exit $fail
