#!/usr/bin/env bash
# Issue 13 from the command line: what a plan may read, values that must make a valid
# document, outputs that appear whole or not at all. Each case: exit code, a located
# message, and nothing written.
set -u
VNPLAN=$(realpath "$1"); SRC=$(realpath "$2")
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
expect() { if ! grep -qF -- "$2" "$1"; then echo "FAIL: expected in $1: $2"; echo "--- got:"; cat "$1"; fail=1; fi; }
rc_is() { [ "$1" -eq "$2" ] || { echo "FAIL: $3: exit $1, expected $2"; fail=1; }; }
no_temps() { [ -z "$(find "$1" -name '.*.tmp-*' 2>/dev/null)" ] || { echo "FAIL: $2: temporaries left:"; find "$1" -name '.*.tmp-*'; fail=1; }; }
MIN="$SRC/tests/data/plans/minimal"

# A copy of the minimal plan whose closing is `!include $2`.
plan_including() {
  rm -rf "$T/$1"; cp -r "$MIN" "$T/$1"
  /usr/bin/python3 - "$T/$1/plan.yaml" "$2" <<'PY'
import sys
p, target = sys.argv[1], sys.argv[2]
s = open(p, encoding='utf-8').read()
s = s.replace('closing:\n  - Trên đây là Kế hoạch./.\n', 'closing: !include %s\n' % target)
open(p, 'w', encoding='utf-8').write(s)
PY
}
line_of() { grep -n -F -- "$2" "$1" | head -1 | cut -d: -f1; }

# --- A plan reads only its own regular files -------------------------------------------
for case in abs:/etc/passwd up:../../../../../../../../../../etc/passwd link:link.yaml zero:/dev/zero; do
  name=${case%%:*}; target=${case#*:}
  plan_including "inc-$name" "$target"
  [ "$name" = link ] && ln -s /etc/passwd "$T/inc-$name/link.yaml"
  L=$(line_of "$T/inc-$name/plan.yaml" "!include $target")
  timeout 20 "$VNPLAN" build "$T/inc-$name" -o "$T/out-inc" > /dev/null 2> "$T/e"; rc=$?
  rc_is $rc 1 "include $target"
  expect "$T/e" "inc-$name/plan.yaml:$L:10: lỗi: !include chỉ được đọc tệp trong thư mục kế hoạch"
  [ ! -e "$T/out-inc/inc-$name" ] || { echo "FAIL: output written for include of $target"; fail=1; }
done
plan_including inc-fifo fifo.yaml; mkfifo "$T/inc-fifo/fifo.yaml"
timeout 20 "$VNPLAN" --lang en validate "$T/inc-fifo" > /dev/null 2> "$T/e"; rc=$?
rc_is $rc 1 "include of a FIFO (124: it hung)"
expect "$T/e" "inc-fifo/plan.yaml:$(line_of "$T/inc-fifo/plan.yaml" '!include fifo'):10: error: not a regular file"
plan_including inc-big big.yaml; truncate -s 9M "$T/inc-big/big.yaml"
"$VNPLAN" validate "$T/inc-big" > /dev/null 2> "$T/e"; rc_is $? 1 "include of 9 MiB"
expect "$T/e" "lỗi: tệp quá lớn (tối đa 8 MiB)"

# --- Numbers and text ---------------------------------------------------------------------
rm -rf "$T/nan"; cp -r "$MIN" "$T/nan"
sed -i 's/^preamble:/layout: {line_spacing: .nan}\npreamble:/' "$T/nan/plan.yaml"
"$VNPLAN" build "$T/nan" -o "$T/out-nan" > /dev/null 2> "$T/e"; rc_is $? 1 "line_spacing .nan"
expect "$T/e" "nan/plan.yaml:$(line_of "$T/nan/plan.yaml" line_spacing):24: lỗi: \"line_spacing\" phải là một số hữu hạn"
[ ! -e "$T/out-nan/nan" ] || { echo "FAIL: output written for .nan"; fail=1; }

rm -rf "$T/nul"; cp -r "$MIN" "$T/nul"
sed -i 's/^  place: Mẫu$/  place: "Định\\0Hóa"/' "$T/nul/plan.yaml"
"$VNPLAN" build "$T/nul" -o "$T/out-nul" > /dev/null 2> "$T/e"; rc_is $? 1 "NUL in a text"
expect "$T/e" "nul/plan.yaml:$(line_of "$T/nul/plan.yaml" 'place:'):10: lỗi: \"place\" chứa ký tự điều khiển U+0000"

# Template values: each a located error in state.yaml, nothing written.
for edit in 's/^  size: 14$/  size: 0/' 's/^  size: 14$/  size: -14/' 's/^  size: 14$/  size: 5000/' \
            's/^page: {width_mm: 210,/page: {width_mm: 0,/' \
            's/^margins_mm: {top: 20, bottom: 20, left: 30, right: 15}/margins_mm: {top: 20, bottom: 20, left: 105, right: 100}/'; do
  rm -rf "$T/tpl"; mkdir -p "$T/tpl"; cp "$SRC"/templates/* "$T/tpl/"
  sed -i "$edit" "$T/tpl/state.yaml"
  cmp -s "$T/tpl/state.yaml" "$SRC/templates/state.yaml" && { echo "FAIL: edit $edit did nothing"; fail=1; }
  VNPLAN_TEMPLATES="$T/tpl" "$VNPLAN" build "$MIN" -o "$T/out-tpl" > /dev/null 2> "$T/e"; rc=$?
  rc_is $rc 1 "template edit $edit"
  grep -qE "^$T/tpl/state.yaml:[0-9]+:[0-9]+: lỗi: " "$T/e" || { echo "FAIL: $edit: no located error"; cat "$T/e"; fail=1; }
  [ ! -e "$T/out-tpl/minimal" ] || { echo "FAIL: output written with template edit $edit"; fail=1; }
done

# Report templates: 20,000 nested sections, and an empty one.
PP="$SRC/tests/data/progress/plan"
rm -rf "$T/tpl"; mkdir -p "$T/tpl"; cp "$SRC"/templates/* "$T/tpl/"
/usr/bin/python3 -c "print('{{#has_tasks}}' * 20000 + '{{/has_tasks}}' * 20000)" > "$T/tpl/report-annual-state.mustache"
VNPLAN_TEMPLATES="$T/tpl" "$VNPLAN" report "$PP" --period 2025 -o "$T/out-rep" > /dev/null 2> "$T/e"; rc=$?
rc_is $rc 1 "20,000 nested Mustache sections (139: stack overflow)"
expect "$T/e" "$T/tpl/report-annual-state.mustache:1:701: lỗi: mẫu Mustache lồng nhau quá sâu"
: > "$T/tpl/report-annual-state.mustache"
VNPLAN_TEMPLATES="$T/tpl" "$VNPLAN" report "$PP" --period 2025 -o "$T/out-rep" > /dev/null 2> "$T/e"; rc=$?
rc_is $rc 1 "empty Mustache template"
expect "$T/e" "$T/tpl/report-annual-state.mustache: lỗi: mẫu báo cáo rỗng"
[ ! -e "$T/out-rep" ] || { echo "FAIL: report written with a broken template"; fail=1; }

# --- Outputs: one transaction -----------------------------------------------------------
cp -r "$MIN" "$T/tx"
"$VNPLAN" build "$T/tx" -o "$T/otx" > /dev/null 2>&1 || { echo "FAIL: first build"; fail=1; }
pdf_before=$(sha256sum < "$T/otx/tx/tx.pdf"); xlsx_before=$(sha256sum < "$T/otx/tx/tx-phu-luc.xlsx")
# The workbook cannot be written (a cell over Excel's 32,767 characters): the new PDF must
# not replace the old one.
long=$(head -c 40000 /dev/zero | tr '\0' 'a')
sed -i "s/^  title: Kế hoạch thử nghiệm$/  title: Kế hoạch thử nghiệm mới/" "$T/tx/plan.yaml"
sed -i "s/name: Tỷ lệ hồ sơ trực tuyến,/name: \"Tỷ lệ $long\",/" "$T/tx/indicators.yaml"
"$VNPLAN" build "$T/tx" -o "$T/otx" > /dev/null 2> "$T/e"; rc_is $? 1 "workbook cannot be written"
expect "$T/e" "lỗi: không ghi được $T/otx/tx/tx-phu-luc.xlsx"
[ "$(sha256sum < "$T/otx/tx/tx.pdf")" = "$pdf_before" ] || { echo "FAIL: new PDF next to the old workbook"; fail=1; }
[ "$(sha256sum < "$T/otx/tx/tx-phu-luc.xlsx")" = "$xlsx_before" ] || { echo "FAIL: workbook changed"; fail=1; }
no_temps "$T/otx" "failed workbook"
# The workbook's target is a folder: the rename fails after the PDF's; the PDF comes back.
cp "$MIN/indicators.yaml" "$T/tx/indicators.yaml"
rm "$T/otx/tx/tx-phu-luc.xlsx"; mkdir -p "$T/otx/tx/tx-phu-luc.xlsx/x"
"$VNPLAN" build "$T/tx" -o "$T/otx" > /dev/null 2> "$T/e"; rc_is $? 1 "workbook target is a folder"
expect "$T/e" "không ghi được $T/otx/tx/tx-phu-luc.xlsx: "
[ "$(sha256sum < "$T/otx/tx/tx.pdf")" = "$pdf_before" ] || { echo "FAIL: PDF replaced although the workbook failed"; fail=1; }
no_temps "$T/otx" "workbook target is a folder"
rm -rf "$T/otx/tx/tx-phu-luc.xlsx"

# A file size limit: EFBIG reported with the final name in Vietnamese, no SIGXFSZ, no temporary.
(ulimit -f 16; "$VNPLAN" build "$MIN" -o "$T/ofs" > /dev/null 2> "$T/e"; echo $? > "$T/rc")
rc_is "$(cat "$T/rc")" 1 "ulimit -f (153: killed by SIGXFSZ)"
expect "$T/e" "lỗi: không ghi được $T/ofs/minimal/minimal.pdf: tệp vượt quá giới hạn kích thước cho phép"
grep -q "tmp-" "$T/e" && { echo "FAIL: message names a temporary"; fail=1; }
no_temps "$T/ofs" "ulimit -f"
[ ! -e "$T/ofs/minimal/minimal.pdf" ] || { echo "FAIL: partial PDF"; fail=1; }

# kill -9 at random moments, then one normal run: no temporary of a dead process is left.
for i in $(seq 1 8); do
  "$VNPLAN" build "$MIN" "$SRC/inputs/dinh-hoa" -j 2 -o "$T/okill" > /dev/null 2>&1 &
  pid=$!
  sleep "0.$(( RANDOM % 40 ))"
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
done
# And one certainly left behind by a process that is gone.
sh -c 'exit 0' & dead=$!; wait $dead
mkdir -p "$T/okill/minimal"; echo partial > "$T/okill/minimal/.minimal.pdf.tmp-$dead-0"
"$VNPLAN" build "$MIN" "$SRC/inputs/dinh-hoa" -o "$T/okill" > /dev/null 2> "$T/e" || { echo "FAIL: build after kills"; cat "$T/e"; fail=1; }
no_temps "$T/okill" "after kill -9"
[ -s "$T/okill/minimal/minimal.pdf" ] && [ -s "$T/okill/dinh-hoa/dinh-hoa-phu-luc.xlsx" ] || { echo "FAIL: outputs after kills"; fail=1; }

# A plan directory given as "." or "..": the id is the directory's name.
cp -r "$MIN" "$T/ten-that"; mkdir -p "$T/ten-that/sub"
(cd "$T/ten-that" && "$VNPLAN" build . -o "$T/odot" > /dev/null 2> "$T/e") || { echo "FAIL: build ."; cat "$T/e"; fail=1; }
[ -s "$T/odot/ten-that/ten-that.pdf" ] || { echo "FAIL: build . did not write odot/ten-that/ten-that.pdf"; ls -la "$T/odot"; fail=1; }
(cd "$T/ten-that/sub" && "$VNPLAN" build .. -o "$T/odotdot" > /dev/null 2> "$T/e") || { echo "FAIL: build .."; cat "$T/e"; fail=1; }
[ -s "$T/odotdot/ten-that/ten-that-phu-luc.xlsx" ] || { echo "FAIL: build .. did not write odotdot/ten-that/"; fail=1; }
[ -z "$(find "$T" -maxdepth 1 -name '*.pdf')" ] || { echo "FAIL: a file outside OUT"; fail=1; }

exit $fail
