#!/usr/bin/env bash
# Bad input: located messages (Vietnamese, English with --lang en), exit codes, nothing written,
# earlier outputs kept, inputs never modified.
set -u
VNPLAN=$1; SRC=$2
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
expect() { if ! grep -qF -- "$2" "$1"; then echo "FAIL: expected in $1: $2"; echo "--- got:"; cat "$1"; fail=1; fi; }

"$VNPLAN" --version > "$T/v" 2>&1; [ $? -eq 0 ] || { echo "FAIL: --version"; fail=1; }
expect "$T/v" "vnplan "
"$VNPLAN" --help > "$T/h" 2>&1; [ $? -eq 0 ] || { echo "FAIL: --help"; fail=1; }
expect "$T/h" "validate PLAN_DIR"
"$VNPLAN" --bogus > "$T/u" 2>&1; [ $? -eq 2 ] || { echo "FAIL: unknown option must exit 2"; fail=1; }
"$VNPLAN" frobnicate x > "$T/u2" 2>&1; [ $? -eq 2 ] || { echo "FAIL: unknown command must exit 2"; fail=1; }
expect "$T/u2" "lệnh không hợp lệ: frobnicate"

D="$SRC/tests/data/plans"
"$VNPLAN" validate "$D/broken-keys" "$D/broken-refs" "$D/minimal" > "$T/o" 2> "$T/e"; rc=$?
[ $rc -eq 1 ] || { echo "FAIL: validate of broken plans exits $rc, not 1"; fail=1; }
expect "$T/e" "broken-keys/plan.yaml:10:3: lỗi: khóa không hợp lệ \"titel\""
expect "$T/e" "broken-keys/plan.yaml:8:9: lỗi: ngày không hợp lệ: 31/2/2025"
expect "$T/e" "broken-refs/plan.yaml:19:52: lỗi: mã cơ quan \"VHTT\" không có trong danh mục agencies"
expect "$T/e" "broken-refs/plan.yaml:20:20: lỗi: số thứ tự task \"1\" bị trùng"
expect "$T/o" "minimal: hợp lệ"   # one bad plan does not stop the others
"$VNPLAN" validate --lang en "$D/broken-utf8" > /dev/null 2> "$T/e2"
expect "$T/e2" "broken-utf8/plan.yaml:3:15: error: text is not valid UTF-8"

# build: a broken plan writes nothing and exits 1; the good one is still built.
"$VNPLAN" build "$D/broken-refs" "$D/minimal" -o "$T/out" > /dev/null 2> "$T/e3"; rc=$?
[ $rc -eq 1 ] || { echo "FAIL: build exit $rc"; fail=1; }
[ ! -e "$T/out/broken-refs" ] || { echo "FAIL: output written for a broken plan"; fail=1; }
[ -s "$T/out/minimal/minimal.pdf" ] || { echo "FAIL: the good plan was not built"; fail=1; }

# An earlier PDF survives a failed rebuild, and no temporary file is left behind.
cp -r "$D/minimal" "$T/plan"
"$VNPLAN" build "$T/plan" -o "$T/out2" > /dev/null 2>&1 || { echo "FAIL: first build"; fail=1; }
before=$(sha256sum < "$T/out2/plan/plan.pdf")
input_before=$(cat "$T/plan"/*.yaml | sha256sum)
sed -i 's/lead: \[VH\]/lead: [NOPE]/' "$T/plan/plan.yaml"
input_before=$(cat "$T/plan"/*.yaml | sha256sum)
"$VNPLAN" build "$T/plan" -o "$T/out2" > /dev/null 2>&1; [ $? -eq 1 ] || { echo "FAIL: broken rebuild must exit 1"; fail=1; }
[ "$(sha256sum < "$T/out2/plan/plan.pdf")" = "$before" ] || { echo "FAIL: earlier PDF changed"; fail=1; }
[ "$(cat "$T/plan"/*.yaml | sha256sum)" = "$input_before" ] || { echo "FAIL: input modified"; fail=1; }
[ -z "$(find "$T/out2" -name '.*tmp*')" ] || { echo "FAIL: temporary files left"; fail=1; }

# A missing font is a clear error naming what was looked for.
VNPLAN_FONTS=/nonexistent "$VNPLAN" build "$D/minimal" -o "$T/out3" > /dev/null 2> "$T/e4" || true
# (Liberation is installed, so the build succeeds; the search order includes VNPLAN_FONTS first.)
[ -s "$T/out3/minimal/minimal.pdf" ] || { echo "FAIL: build with VNPLAN_FONTS set"; fail=1; }

# A template error is reported with its file and line, and nothing is written.
mkdir -p "$T/tpl" && cp "$SRC"/templates/*.yaml "$T/tpl/"
sed -i 's/^  paragraph_spacing_pt: 6$/  paragraph_spacing_pt: 6\n  paragraf: 1/' "$T/tpl/state.yaml"
line=$(grep -n "^  paragraf:" "$T/tpl/state.yaml" | cut -d: -f1)
VNPLAN_TEMPLATES="$T/tpl" "$VNPLAN" build "$D/minimal" -o "$T/out4" > /dev/null 2> "$T/e5"; rc=$?
[ $rc -eq 1 ] || { echo "FAIL: broken template must exit 1 (got $rc)"; fail=1; }
expect "$T/e5" "$T/tpl/state.yaml:$line:3: lỗi: khóa không hợp lệ \"paragraf\""
[ ! -e "$T/out4/minimal/minimal.pdf" ] || { echo "FAIL: PDF written with a broken template"; fail=1; }

# An output directory that cannot be created: a clear message, exit 1.
"$VNPLAN" build "$D/minimal" -o /proc/vnplan-cannot-write > /dev/null 2> "$T/e6"; rc=$?
[ $rc -eq 1 ] || { echo "FAIL: unwritable output must exit 1 (got $rc)"; fail=1; }
expect "$T/e6" "lỗi: không ghi được /proc/vnplan-cannot-write/minimal/minimal.pdf: không tìm thấy thư mục"

exit $fail
