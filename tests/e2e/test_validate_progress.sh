#!/usr/bin/env bash
# `vnplan validate` also checks every progress file of a plan and the report templates it will
# use (the plan's own templates/ first), and says which progress files it checked.
set -u
VNPLAN=$(realpath "$1"); SRC=$2
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
expect() { if ! grep -qF -- "$2" "$1"; then echo "FAIL: expected in $1: $2"; echo "--- got:"; cat "$1"; fail=1; fi; }
code() { [ "$3" -eq "$1" ] || { echo "FAIL: $2: exit $3, expected $1"; fail=1; }; }

"$VNPLAN" validate "$SRC/inputs/dinh-hoa" "$SRC/inputs/dang-uy-dinh-hoa" > "$T/o1" 2> "$T/e1"; code 0 "seeds" $?
expect "$T/o1" "inputs/dinh-hoa: hợp lệ (27 chỉ tiêu, 52 nhiệm vụ; tiến độ: 2025, 2026-H1)"
expect "$T/o1" "inputs/dang-uy-dinh-hoa: hợp lệ (18 chỉ tiêu, 0 nhiệm vụ; tiến độ: 2025, 2026-H1)"
"$VNPLAN" validate "$SRC/inputs/binh-giang" --lang en > "$T/o2" 2>&1; code 0 "seed en" $?
expect "$T/o2" "ok (35 indicators, 52 tasks; progress: 2025, 2026-H1)"

# A broken progress file: located error, exit 1.
cp -r "$SRC/inputs/dinh-hoa" "$T/p"
sed -i 's/^  number: "312"$/  number: ""/' "$T/p/progress/2025.yaml"
"$VNPLAN" validate "$T/p" > "$T/o3" 2> "$T/e3"; code 1 "signed report without number" $?
expect "$T/e3" "$T/p/progress/2025.yaml:"
expect "$T/e3" "báo cáo đã ký (status: signed) phải có number"
[ -s "$T/o3" ] && { echo "FAIL: broken plan said valid"; cat "$T/o3"; fail=1; }
cp "$SRC/inputs/dinh-hoa/progress/2025.yaml" "$T/p/progress/2025.yaml"

# A plan-local template naming a value that does not exist: file:line:column.
mkdir -p "$T/p/templates"
printf '#1 I. CHỈ ĐẠO\nĐã hoàn thành {{tasks.xong}} nhiệm vụ.\n' > "$T/p/templates/report-annual-state.mustache"
"$VNPLAN" validate "$T/p" > "$T/o4" 2> "$T/e4"; code 1 "template with an unknown value" $?
expect "$T/e4" "$T/p/templates/report-annual-state.mustache:2:15: lỗi: mẫu báo cáo dùng giá trị không có: {{tasks.xong}}"

[ $fail -eq 0 ] && echo "test_validate_progress: ok"
exit $fail
