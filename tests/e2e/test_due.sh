#!/usr/bin/env bash
# `vnplan due`: reports coming or past around the deadlines 10/6 and 10/12, days left,
# missing progress data, exit codes (0 ready, 3 data missing, 1 invalid input, 2 usage).
# Works on a copy of inputs/ so progress files can be added and removed.
set -u
VNPLAN=$(realpath "$1"); SRC=$2
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
expect() { if ! grep -qF -- "$2" "$1"; then echo "FAIL: expected in $1: $2"; echo "--- got:"; cat "$1"; fail=1; fi; }
refute() { if grep -qF -- "$2" "$1"; then echo "FAIL: not expected in $1: $2"; echo "--- got:"; cat "$1"; fail=1; fi; }
code() { # code EXPECTED DESCRIPTION ACTUAL
  [ "$3" -eq "$1" ] || { echo "FAIL: $2: exit $3, expected $1"; fail=1; }
}

R="$T/inputs"
cp -r "$SRC/inputs" "$R"
rm -rf "$R"/*/progress
mkdir -p "$R/dinh-hoa/progress" "$R/binh-giang/progress" "$R/dang-uy-dinh-hoa/progress"
for p in dinh-hoa binh-giang dang-uy-dinh-hoa; do cp "$SRC/inputs/$p/progress/2025.yaml" "$R/$p/progress/"; done

# 20/5/2026: the 6-month report (due 10/6) is 21 days away and has no data anywhere.
"$VNPLAN" due "$R" --today 2026-05-20 > "$T/o1" 2> "$T/e1"; rc=$?
code 3 "2026-05-20 without 2026-H1 data" $rc
expect "$T/o1" "dinh-hoa: báo cáo 6 tháng đầu năm 2026 (2026-H1) — hạn 10/06/2026, còn 21 ngày"
expect "$T/o1" "số liệu từ 15/12/2025 đến 14/06/2026"
expect "$T/o1" "CHƯA CÓ số liệu: $R/dinh-hoa/progress/2026-H1.yaml"
expect "$T/o1" "binh-giang: báo cáo năm 2025 (2025) — hạn 10/12/2025, đã qua hạn 161 ngày"
expect "$T/o1" "đã có số liệu: $R/binh-giang/progress/2025.yaml"
# The past annual reports have data; dang-uy-dinh-hoa's is complete, so it is no longer due.
expect "$T/o1" "Tổng: 6 báo cáo: 3 chưa có số liệu, 3 đã có số liệu, 0 đã lập báo cáo; 5 còn đến hạn"
[ -s "$T/e1" ] && { echo "FAIL: unexpected stderr"; cat "$T/e1"; fail=1; }

# --within 10: on 20/5 the 6-month report (21 days away) is not yet coming; the annual
# 2025 report is the current one and 2025-H1 (no data in this copy) the one before it.
"$VNPLAN" due "$R" --today 2026-05-20 --within 10 > "$T/o1w" 2>&1; rc=$?
code 3 "2026-05-20 --within 10" $rc
refute "$T/o1w" "2026-H1"
expect "$T/o1w" "(hạn trong 10 ngày tới hoặc đã qua)"
expect "$T/o1w" "dinh-hoa: báo cáo 6 tháng đầu năm 2025 (2025-H1) — hạn 10/06/2025, đã qua hạn 344 ngày"
"$VNPLAN" due "$R" --within abc > /dev/null 2>&1; code 2 "--within abc" $?

# 9/6/2026, English: one day left.
"$VNPLAN" due "$R" --today 2026-06-09 --lang en > "$T/o2" 2>&1; rc=$?
code 3 "2026-06-09 without data" $rc
expect "$T/o2" "binh-giang: report first half of 2026 (2026-H1) — due 2026-06-10, 1 day left"
expect "$T/o2" "MISSING progress data: $R/binh-giang/progress/2026-H1.yaml"

# 10/6: due today.
"$VNPLAN" due "$R" --today 2026-06-10 > "$T/o3" 2>&1
expect "$T/o3" "hạn 10/06/2026, đến hạn hôm nay"

# 11/6/2026 with the 6-month data of every plan: deadline passed one day ago, everything ready.
for p in dinh-hoa binh-giang dang-uy-dinh-hoa; do cp "$SRC/inputs/$p/progress/2026-H1.yaml" "$R/$p/progress/"; done
"$VNPLAN" due "$R" --today 2026-06-11 > "$T/o4" 2>&1; rc=$?
code 0 "2026-06-11 with all data" $rc
expect "$T/o4" "dang-uy-dinh-hoa: báo cáo 6 tháng đầu năm 2026 (2026-H1) — hạn 10/06/2026, đã qua hạn 1 ngày"
expect "$T/o4" "Tổng: 6 báo cáo: 0 chưa có số liệu, 6 đã có số liệu, 0 đã lập báo cáo; "
refute "$T/o4" "CHƯA CÓ"
# Units whose tasks have no entry in the progress file are named.
expect "$T/o4" "đơn vị chưa có số liệu: Phòng Văn hóa, Khoa học và Thông tin (1)"

# One plan without its file: exit 3, the others still listed.
rm "$R/binh-giang/progress/2026-H1.yaml"
"$VNPLAN" due "$R" --today 2026-06-11 > "$T/o5" 2>&1; rc=$?
code 3 "2026-06-11 with one file missing" $rc
expect "$T/o5" "CHƯA CÓ số liệu: $R/binh-giang/progress/2026-H1.yaml"
expect "$T/o5" "đã có số liệu: $R/dinh-hoa/progress/2026-H1.yaml"
cp "$SRC/inputs/binh-giang/progress/2026-H1.yaml" "$R/binh-giang/progress/"

# 9/12/2026: the annual report is due tomorrow; 2026-H1 is the previous one.
"$VNPLAN" due "$R" --today 2026-12-09 > "$T/o6" 2>&1; rc=$?
code 3 "2026-12-09 without 2026 data" $rc
expect "$T/o6" "dinh-hoa: báo cáo năm 2026 (2026) — hạn 10/12/2026, còn 1 ngày"
expect "$T/o6" "số liệu từ 15/12/2025 đến 14/12/2026"
expect "$T/o6" "dinh-hoa: báo cáo 6 tháng đầu năm 2026 (2026-H1) — hạn 10/06/2026, đã qua hạn 182 ngày"
refute "$T/o6" "(2025)"
for p in dinh-hoa binh-giang dang-uy-dinh-hoa; do
  sed 's/^period: 2026-H1/period: "2026"/; s/^as_of: .*//' "$R/$p/progress/2026-H1.yaml" > "$R/$p/progress/2026.yaml"
done
"$VNPLAN" due "$R" --today 2026-12-09 > "$T/o7" 2>&1; rc=$?
code 0 "2026-12-09 with 2026 data" $rc
# --today takes dd/mm/yyyy like every other date.
"$VNPLAN" due "$R" --today 09/12/2026 > "$T/o7b" 2>&1; rc=$?
code 0 "--today 09/12/2026" $rc
cmp -s "$T/o7" "$T/o7b" || { echo "FAIL: --today 09/12/2026 differs from 2026-12-09"; fail=1; }
"$VNPLAN" due "$R" --today 31/11/2026 > /dev/null 2>&1; rc=$?
code 2 "--today 31/11/2026" $rc
# A report made after its inputs changed is "đã lập báo cáo"; touching an input makes it stale.
"$VNPLAN" report "$R/binh-giang" --period 2026 -o "$T/out" > /dev/null 2>&1 || { echo "FAIL: report"; fail=1; }
"$VNPLAN" due "$R" --today 2026-12-09 -o "$T/out" > "$T/o7c" 2>&1; rc=$?
code 0 "2026-12-09 with one report made" $rc
expect "$T/o7c" "ĐÃ LẬP BÁO CÁO: $T/out/binh-giang/binh-giang-bao-cao-2026.pdf"
expect "$T/o7c" "đã có số liệu: $R/dinh-hoa/progress/2026.yaml"
expect "$T/o7c" " 1 đã lập báo cáo;"
touch -d "+2 minutes" "$R/binh-giang/progress/2026.yaml"
"$VNPLAN" due "$R" --today 2026-12-09 -o "$T/out" > "$T/o7d" 2>&1
refute "$T/o7d" "ĐÃ LẬP BÁO CÁO"
expect "$T/o7d" "đã có số liệu: $R/binh-giang/progress/2026.yaml"

# 11/12/2026 with invalid data in one file: errors located, exit 1.
printf 'period: "2026"\ntasks:\n  - {number: "999", status: xong}\n' > "$R/dinh-hoa/progress/2026.yaml"
"$VNPLAN" due "$R" --today 2026-12-11 > "$T/o8" 2> "$T/e8"; rc=$?
code 1 "invalid progress file" $rc
expect "$T/e8" "$R/dinh-hoa/progress/2026.yaml:3:14: lỗi: không có nhiệm vụ số \"999\" trong kế hoạch"
expect "$T/e8" "$R/dinh-hoa/progress/2026.yaml:3:29: lỗi: giá trị \"xong\" của \"status\" không hợp lệ"
expect "$T/o8" "số liệu CÓ LỖI (2 lỗi): $R/dinh-hoa/progress/2026.yaml"
expect "$T/o8" "binh-giang: báo cáo năm 2026 (2026) — hạn 10/12/2026, đã qua hạn 1 ngày"

# A broken plan is reported and skipped; the other plans are still listed.
rm "$R/dinh-hoa/progress/2026.yaml"
printf 'document: [\n' > "$R/dang-uy-dinh-hoa/plan.yaml"
"$VNPLAN" due "$R" --today 2026-12-09 > "$T/o9" 2> "$T/e9"; rc=$?
code 1 "broken plan" $rc
expect "$T/e9" "$R/dang-uy-dinh-hoa/plan.yaml:"
expect "$T/e9" "bỏ qua kế hoạch này"
expect "$T/o9" "binh-giang: báo cáo năm 2026 (2026)"
expect "$T/o9" "CHƯA CÓ số liệu: $R/dinh-hoa/progress/2026.yaml"

# Usage errors: exit 2.
"$VNPLAN" due "$R" --today 2026-13-01 > /dev/null 2> "$T/u1"; code 2 "--today 2026-13-01" $?
expect "$T/u1" "--today phải là ngày dd/mm/yyyy hoặc YYYY-MM-DD: 2026-13-01"
"$VNPLAN" due "$R" --today 10-06-2026 > /dev/null 2>&1; code 2 "--today 10-06-2026" $?
"$VNPLAN" due "$R" "$R" --today 2026-06-10 > /dev/null 2>&1; code 2 "two roots" $?
# A root that does not exist: exit 1.
"$VNPLAN" due "$T/nowhere" --today 2026-06-10 > /dev/null 2> "$T/n"; code 1 "missing root" $?
expect "$T/n" "không mở được tệp $T/nowhere"
# An empty root: nothing due.
mkdir "$T/empty"
"$VNPLAN" due "$T/empty" --today 2026-06-10 > "$T/o10" 2>&1; code 0 "empty root" $?
expect "$T/o10" "không có"

# The default ROOT is inputs/ in the working directory.
(cd "$T" && "$VNPLAN" due --today 2026-06-11 --lang en > "$T/o11" 2>&1)
expect "$T/o11" "inputs/binh-giang/progress/2026-H1.yaml"

[ $fail -eq 0 ] && echo "test_due: ok"
exit $fail
