"""Formula injection: plan text that starts with "=", "+", "-" or "@" (or a tab, then "=")
must come back from the workbook as the text written, never as a formula.

Builds tests/data/plans/xlsx-injection (names, units, targets, agencies, group titles, headers
and the document title all start with such characters) and tests/data/plans/minimal (a task
named "=SUM(A1:A2) tuyên truyền"), then checks with three independent readers: the raw sheet
XML has no <f> element, openpyxl reads each such cell as a string equal to the YAML, and
LibreOffice's CSV export of every sheet shows the text, not a computed value.

Usage: test_xlsx_injection.py VNPLAN SOURCE_DIR
"""
import csv
import glob
import os
import re
import sys
import tempfile
import zipfile

import openpyxl

sys.path.insert(0, os.path.dirname(__file__))
import xlsxcheck as xc  # noqa: E402

VNPLAN, SRC = sys.argv[1], sys.argv[2]
PLANS = {"xlsx-injection": os.path.join(SRC, "tests", "data", "plans", "xlsx-injection"),
         "minimal": os.path.join(SRC, "tests", "data", "plans", "minimal")}
RISKY = re.compile(r"^\s*[=+\-@]")
failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL:", msg)


def risky_texts(plan):
    """Every plan text that starts like a formula, with where it should appear."""
    found = []

    def walk(v):
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, str) and RISKY.match(v):
            found.append(xc.text(v))
    for key in ("indicators", "tasks"):
        walk(plan.get(key))
    walk(plan.get("agencies"))
    return found


with tempfile.TemporaryDirectory() as out:
    res = xc.build(VNPLAN, list(PLANS.values()), out)
    check(res.returncode == 0, f"vnplan build failed: {res.stderr}")
    for plan_id, plan_dir in PLANS.items():
        path = os.path.join(out, plan_id, plan_id + "-phu-luc.xlsx")
        if not os.path.exists(path):
            check(False, f"{plan_id}: no workbook")
            continue
        plan = xc.load_yaml(os.path.join(plan_dir, "plan.yaml"))

        # 1. No formula anywhere in the package.
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.startswith("xl/worksheets/"):
                    xml = z.read(name).decode("utf-8")
                    check("<f>" not in xml and "<f " not in xml, f"{plan_id}: formula element in {name}")

        # 2. openpyxl: every risky text is a string cell holding exactly that text.
        wb = openpyxl.load_workbook(path)  # formulas would come back as data_type "f"
        cells = {}
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if c.value is not None:
                        check(c.data_type != "f", f"{plan_id}: {ws.title}!{c.coordinate} is a formula: {c.value!r}")
                        cells.setdefault(c.value, []).append(c)
        risky = risky_texts(plan)
        check(len(risky) >= (20 if plan_id == "xlsx-injection" else 1), f"{plan_id}: only {len(risky)} risky texts")
        agency_names = {xc.text(a["name"]) for a in plan.get("agencies") or []}
        for t in risky:
            if t in agency_names:
                continue  # shown through the lead column, checked below
            if xc.numeric_target(t) is not None:
                continue  # "-5" is a number (checked below)
            hits = [c for v, cs in cells.items() if isinstance(v, str) and (v == t or t in v.split("\n")) for c in cs]
            check(hits and all(c.data_type == "s" for c in hits), f"{plan_id}: {t!r} not found as text")
        meta, registry = xc.read_meta(wb)
        check(meta.get("content.hash") == xc.recompute_hash(wb, meta, registry), f"{plan_id}: content hash")

        if plan_id == "minimal":
            ws = wb["PHỤ LỤC II"]
            check(ws["B7"].value == "=SUM(A1:A2) tuyên truyền" and ws["B7"].data_type == "s",
                  f"minimal: B7 {ws['B7'].value!r} ({ws['B7'].data_type})")
        else:
            ws = wb["PHỤ LỤC I"]
            check(ws["B5"].value == "=Chỉ tiêu" and ws["B5"].data_type == "s", "header '=Chỉ tiêu' not text")
            check(ws["A6"].value == "=I" and ws["B6"].value == "+Nhóm bắt đầu bằng dấu cộng", "group row texts")
            check(ws["D7"].value == "=SUM(1,2)" and ws["D7"].data_type == "s", f"target =SUM: {ws['D7'].value!r}")
            check(ws["D8"].value == -5 and ws["D8"].data_type == "n", f"target -5 is a number: {ws['D8'].value!r}")
            check(ws["D9"].value == 0.95 and "%" in ws["D9"].number_format, f"target 95%: {ws['D9'].value!r}")
            check(ws["D10"].value == "+5" and ws["D10"].data_type == "s", f"target +5 stays text: {ws['D10'].value!r}")
            check(ws["E7"].value == "=Công chức Văn hóa", f"agency name: {ws['E7'].value!r}")
            ws2 = wb["PHỤ LỤC II"]
            check(ws2["G8"].value == "=1/0" and ws2["G8"].data_type == "s", f"note =1/0: {ws2['G8'].value!r}")
            check(ws2["B11"].value == "\t=tab trước dấu bằng", f"tab then '=': {ws2['B11'].value!r}")
            check(meta.get("document.title") == "=Kế hoạch thử công thức", "_meta title")

        # 3. LibreOffice: every sheet exported as CSV shows the texts, no computed values.
        with tempfile.TemporaryDirectory() as csvdir:
            ok, _, log = xc.soffice_convert(
                path, csvdir, fmt="csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
            files = glob.glob(os.path.join(csvdir, "*.csv"))
            check(len(files) == len(wb.sheetnames), f"{plan_id}: LibreOffice CSV export: {files} {log[-300:]}")
            exported = set()
            for f in files:
                with open(f, encoding="utf-8", newline="") as fh:
                    for row in csv.reader(fh):
                        exported.update(row)
                        for v in row:
                            exported.update(v.split("\n"))
            for t in risky:
                if xc.numeric_target(t) is None:
                    check(t in exported, f"{plan_id}: LibreOffice shows {t!r} differently")
            check(not any(v.startswith("#") and v.endswith(("!", "?")) for v in exported),
                  f"{plan_id}: LibreOffice computed an error value: {[v for v in exported if v.startswith('#')]}")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("OK")
