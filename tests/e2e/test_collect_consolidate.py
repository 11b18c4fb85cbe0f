"""Consolidating 200 synthetic units (docs/collection.md, "Consolidate"): a province with 10
districts and 190 communes (three-level tree); units are filled with openpyxl and ingested
on time, late, with a later correction, rejected, or not at all. The consolidation workbook's
reporting and on-time rates per level (DHIS2 definitions), the totals per district, the task
counts and the combined indicators (percent averaged, counts summed, index averaged, verdicts
counted) must equal an independent computation here. The PDF report states the rates.

Usage: test_collect_consolidate.py VNPLAN SOURCE_DIR
"""
import datetime
import os
import random
import shutil
import subprocess
import sys
import tempfile

import openpyxl

VNPLAN, SRC = sys.argv[1], sys.argv[2]
PLAN = os.path.join(SRC, "tests", "data", "collect", "tinh-mau")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def close(a, b):
    return a is not None and abs(a - b) < 1e-9 * max(1, abs(b))


rng = random.Random(20260610)
tmp = tempfile.mkdtemp()
try:
    work = os.path.join(tmp, "tinh-mau")
    shutil.copytree(PLAN, work)
    lines = ["units:", '  - {code: "01", name: Tỉnh Mẫu, level: province}']
    units = []  # (code, level, parent)
    for d in range(1, 11):
        dc = f"{d:03d}"
        lines.append(f'  - {{code: "{dc}", name: Huyện {d}, level: district, parent: "01"}}')
        units.append((dc, "district", "01"))
        for k in range(19):
            cc = f"{d:02d}{k:03d}"
            lines.append(f'  - {{code: "{cc}", name: Xã {d}-{k}, level: commune, parent: "{dc}"}}')
            units.append((cc, "commune", dc))
    open(os.path.join(work, "units.yaml"), "w", encoding="utf-8").write("\n".join(lines) + "\n")
    check(len(units) == 200, "200 reporting units")

    forms = os.path.join(tmp, "forms")
    subprocess.run([VNPLAN, "collect", work, "--period", "2026-H1", "--units", os.path.join(work, "units.yaml"),
                    "-o", forms], check=True, capture_output=True)
    fdir = os.path.join(forms, "tinh-mau", "thu-thap-2026-H1")

    fates = ["missing"] * 15 + ["rejected"] * 10 + ["late"] * 25 + ["corrected"] * 5 + ["on-time"] * 145
    rng.shuffle(fates)
    deadline_last = {"1": datetime.date(2026, 3, 31), "3": datetime.date(2026, 6, 30), "4": datetime.date(2026, 12, 31)}
    batches = {"2026-06-05": [], "2026-06-20": []}
    expected = {}  # code -> dict of what was submitted (accepted)
    for (code, level, parent), fate in zip(units, fates):
        if fate == "missing":
            continue
        wb = openpyxl.load_workbook(os.path.join(fdir, f"tinh-mau-2026-H1-{code}.xlsx"))
        ws, wi = wb["Nhiệm vụ"], wb["Chỉ tiêu"]
        trow = {str(ws.cell(r, 1).value): r for r in range(6, ws.max_row + 1) if ws.cell(r, 4).value}
        irow = {str(wi.cell(r, 1).value): r for r in range(6, wi.max_row + 1) if wi.cell(r, 4).value}
        sub = {"done": {}, "values": {}}
        for t in ["1", "3", "4"]:
            if rng.random() < 0.5:
                day = datetime.date(2026, 1, 10) + datetime.timedelta(days=rng.randrange(150))
                ws.cell(trow[t], 5).value = "Hoàn thành"
                ws.cell(trow[t], 6).value = datetime.datetime(day.year, day.month, day.day)
                sub["done"][t] = day
            else:
                ws.cell(trow[t], 5).value = rng.choice(["Đang thực hiện", "Chưa thực hiện"])
        ws.cell(trow["2"], 5).value = "Đang thực hiện"
        if rng.random() < 0.9:
            v = round(rng.uniform(50, 100), 1)
            wi.cell(irow["1"], 5).value = v
            sub["values"]["1"] = v
        if rng.random() < 0.9:
            v = rng.randrange(0, 201)
            wi.cell(irow["2"], 5).value = v
            sub["values"]["2"] = v
        if rng.random() < 0.9:
            v = round(rng.uniform(0.5, 0.95), 2)
            wi.cell(irow["3"], 5).value = v
            sub["values"]["3"] = v
        verdict = rng.choice(["Đạt", "Chưa đạt"])
        wi.cell(irow["4"], 5).value = verdict
        sub["values"]["4"] = verdict
        path = os.path.join(tmp, "in", f"{code}.xlsx")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if fate == "rejected":
            ws.cell(trow["2"], 5).value = "Gần xong"
        wb.save(path)
        if fate == "corrected":
            # On time first; a later correction replaces the data but not the timeliness.
            first = os.path.join(tmp, "in", f"{code}-first.xlsx")
            wb2 = openpyxl.load_workbook(path)
            wb2["Chỉ tiêu"].cell(irow["4"], 7).value = "bản đầu"
            wb2.save(first)
            batches["2026-06-05"].append(first)
            batches["2026-06-20"].append(path)
        else:
            batches["2026-06-20" if fate == "late" else "2026-06-05"].append(path)
        if fate != "rejected":
            expected[code] = sub
    for day, files in batches.items():
        p = subprocess.run([VNPLAN, "ingest", work, *files, "--today", day, "-o", os.path.join(tmp, "fb")],
                           capture_output=True, text=True)
        check(p.returncode == (1 if day == "2026-06-05" else 0), f"ingest {day}: exit {p.returncode}\n{p.stderr[-500:]}")

    out = os.path.join(tmp, "out")
    p = subprocess.run([VNPLAN, "consolidate", work, "--period", "2026-H1", "-o", out], capture_output=True, text=True)
    check(p.returncode == 0, f"consolidate exit {p.returncode}: {p.stderr}")
    wb = openpyxl.load_workbook(os.path.join(out, "tinh-mau", "tinh-mau-tong-hop-2026-H1.xlsx"))

    # Independent computation.
    state = {}
    for (code, level, parent), fate in zip(units, fates):
        state[code] = {"missing": "missing", "rejected": "rejected", "late": "late"}.get(fate, "on-time")

    def rates(codes):
        exp = len(codes)
        rep = sum(state[c] in ("on-time", "late") for c in codes)
        ont = sum(state[c] == "on-time" for c in codes)
        return [exp, rep, ont, rep - ont, sum(state[c] == "missing" for c in codes),
                sum(state[c] == "rejected" for c in codes), rep / exp, ont / exp]

    ws = wb["Tỷ lệ báo cáo"]
    got = {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(2, 10)] for r in range(4, ws.max_row + 1)}
    for label, level in [("Cấp huyện", "district"), ("Cấp xã", "commune")]:
        want = rates([c for c, lv, _ in units if lv == level])
        check(got.get(label) and all(close(a, b) for a, b in zip(got[label], want)), f"{label}: {got.get(label)} ≠ {want}")
    want_all = rates([c for c, _, _ in units])
    check(got.get("Tổng cộng") and all(close(a, b) for a, b in zip(got["Tổng cộng"], want_all)),
          f"overall rates {got.get('Tổng cộng')} ≠ {want_all}")

    ws = wb["Theo cấp trên"]
    per_parent = {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(2, 10)] for r in range(4, ws.max_row + 1)}
    for d in range(1, 11):
        dc = f"{d:03d}"
        want = rates([c for c, _, p in units if p == dc])
        got_d = per_parent.get(f"Huyện {d} ({dc})")
        check(got_d and all(close(a, b) for a, b in zip(got_d, want)), f"district {dc}: {got_d} ≠ {want}")
    # Task counts over the reporting units (the corrected units' data is their last file's).
    on_time = late = 0
    for sub in expected.values():
        for t, day in sub["done"].items():
            if day <= deadline_last[t]:
                on_time += 1
            else:
                late += 1
    row_all = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value == "Tổng cộng")
    check(ws.cell(row_all, 10).value == on_time and ws.cell(row_all, 11).value == late,
          f"done on time/late {ws.cell(row_all, 10).value}/{ws.cell(row_all, 11).value} ≠ {on_time}/{late}")

    wi = wb["Chỉ tiêu"]
    ind = {str(wi.cell(r, 1).value): [wi.cell(r, c).value for c in range(1, 10)] for r in range(4, wi.max_row + 1)}
    v1 = [s["values"]["1"] for s in expected.values() if "1" in s["values"]]
    v2 = [s["values"]["2"] for s in expected.values() if "2" in s["values"]]
    v3 = [s["values"]["3"] for s in expected.values() if "3" in s["values"]]
    v4 = [s["values"]["4"] for s in expected.values()]
    check(ind["1"][4] == "average" and close(ind["1"][5], sum(v1) / len(v1)) and ind["1"][7] == len(v1),
          f"indicator 1 (percent, averaged): {ind['1']} vs {sum(v1) / len(v1)}, n={len(v1)}")
    check(ind["1"][8] == sum(v >= 80 for v in v1), f"indicator 1 met: {ind['1'][8]}")
    check(ind["2"][4] == "sum" and close(ind["2"][5], sum(v2)) and ind["2"][7] == len(v2),
          f"indicator 2 (count, summed): {ind['2']} vs {sum(v2)}")
    check(ind["3"][4] == "average" and close(ind["3"][5], sum(v3) / len(v3)), f"indicator 3 (index): {ind['3']}")
    check(ind["4"][4] == "none" and ind["4"][5] is None and ind["4"][8] == v4.count("Đạt") and ind["4"][6] == len(v4),
          f"indicator 4 (verdict): {ind['4']} vs {v4.count('Đạt')}/{len(v4)}")

    # Indicators per district: the percentage averaged over that district's units.
    wp = wb["Chỉ tiêu theo cấp trên"]
    for d in (1, 7):
        dc = f"{d:03d}"
        vals = [s["values"]["1"] for c, s in expected.items() if "1" in s["values"] and
                next(p for cc, _, p in units if cc == c) == dc]
        row = next(r for r in range(4, wp.max_row + 1)
                   if wp.cell(r, 1).value == f"Huyện {d} ({dc})" and str(wp.cell(r, 2).value) == "1")
        check(close(wp.cell(row, 5).value, sum(vals) / len(vals)) and wp.cell(row, 7).value == len(vals),
              f"district {dc} indicator 1: {wp.cell(row, 5).value} vs {sum(vals) / len(vals)}")

    ws = wb["Chưa báo cáo"]
    listed = {ws.cell(r, 1).value: (ws.cell(r, 4).value, ws.cell(r, 5).value) for r in range(4, ws.max_row + 1)}
    want_missing = {c for c in state if state[c] in ("missing", "rejected")}
    check(set(listed) == want_missing, "missing and rejected units listed")
    check(all("Gần xong" in (listed[c][1] or "") for c in listed if state[c] == "rejected"), "rejection reasons listed")

    pdf = os.path.join(out, "tinh-mau", "tinh-mau-tong-hop-2026-H1.pdf")
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout.replace("\n", " ")
    pct = f"{100 * want_all[6]:.1f}%".replace(".", ",")
    check(f"{want_all[1]} đơn vị đã báo cáo (tỷ lệ {pct})" in text, f"PDF states the reporting rate {pct}")
    check("ĐƠN VỊ CHƯA BÁO CÁO" in text, "PDF lists missing units")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("ok")
