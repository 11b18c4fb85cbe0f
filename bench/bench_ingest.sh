#!/bin/bash
# Ingest throughput (docs/collection.md): 1,000 units' filled collection workbooks (made by
# `vnplan collect --units`, filled with openpyxl — not timed) ingested by one `vnplan ingest`
# run. Prints files per second and the peak resident memory (GNU time).
# Usage: bench/bench_ingest.sh [VNPLAN] [N]
set -euo pipefail
VNPLAN=${1:-build/vnplan}
N=${2:-1000}
SRC=$(cd "$(dirname "$0")/.." && pwd)
VNPLAN=$(realpath "$VNPLAN")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cp -r "$SRC/tests/data/collect/tinh-mau" "$TMP/tinh-mau"
{
  echo "units:"
  echo '  - {code: "01", name: Tỉnh Mẫu, level: province}'
  for i in $(seq 1 "$N"); do printf '  - {code: "%05d", name: Xã %d, level: commune, parent: "01"}\n' "$i" "$i"; done
} > "$TMP/tinh-mau/units.yaml"
"$VNPLAN" collect "$TMP/tinh-mau" --period 2026-H1 --units "$TMP/tinh-mau/units.yaml" -o "$TMP/forms" > /dev/null 2>&1
/usr/bin/python3 - "$TMP/forms/tinh-mau/thu-thap-2026-H1" "$TMP/filled" <<'PY'
import datetime, os, sys, openpyxl
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst)
for i, name in enumerate(sorted(os.listdir(src))):
    wb = openpyxl.load_workbook(os.path.join(src, name))
    ws, wi = wb["Nhiệm vụ"], wb["Chỉ tiêu"]
    for r in range(6, ws.max_row + 1):
        if ws.cell(r, 4).value:
            ws.cell(r, 5).value = "Hoàn thành" if (r + i) % 2 else "Đang thực hiện"
            if (r + i) % 2:
                ws.cell(r, 6).value = datetime.datetime(2026, 3, 1 + i % 28)
            ws.cell(r, 7).value = f"Kết quả của đơn vị {i}"
    for r in range(6, wi.max_row + 1):
        if wi.cell(r, 4).value:
            wi.cell(r, 5).value = 50 + i % 50
    wb.save(os.path.join(dst, name))
PY
cd "$TMP"
/usr/bin/time -f "%e %M %U %S" -o time.txt "$VNPLAN" ingest tinh-mau filled/*.xlsx --today 2026-06-05 > ingest.out 2> ingest.err
read -r SECONDS_TAKEN PEAK_KB USER_S SYS_S < time.txt
ACCEPTED=$(grep -c "đã tiếp nhận" ingest.out || true)
echo "ingested $ACCEPTED/$N workbooks in ${SECONDS_TAKEN} s: $(echo "$N / $SECONDS_TAKEN" | bc -l | xargs printf '%.0f') files/s, peak RSS $((PEAK_KB / 1024)) MB (CPU ${USER_S} s user + ${SYS_S} s system)"
[ "$ACCEPTED" = "$N" ]
