"""Collection round trip (docs/collection.md): `vnplan collect` writes the forms; they are
filled with openpyxl (a different writer) and once more passed through LibreOffice; `vnplan
ingest` merges them into the progress data; `vnplan report` then shows the filled values in
its PDF and workbook. Also: the forms' protection, validation, input messages, print setup
and `_meta`; idempotent ingest; the ledger; a submitted file is never modified.

Usage: test_collect_roundtrip.py VNPLAN SOURCE_DIR
"""
import datetime
import hashlib
import os
import shutil
import sqlite3
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


def run(*args, expect=0):
    p = subprocess.run([VNPLAN, *args], capture_output=True, text=True)
    if p.returncode != expect:
        print(p.stdout, p.stderr)
    check(p.returncode == expect, f"{args[:2]} exit {p.returncode}, expected {expect}")
    return p


def md5(path):
    return hashlib.md5(open(path, "rb").read()).hexdigest()


def meta(wb):
    ws = wb["_meta"]
    return {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value}


def task_rows(ws):
    """1-based row of each task number on the task sheet (item rows only)."""
    rows = {}
    for r in range(6, ws.max_row + 1):
        if ws.cell(r, 4).value:  # items have a deadline
            rows[str(ws.cell(r, 1).value)] = r
    return rows


tmp = tempfile.mkdtemp()
try:
    work = os.path.join(tmp, "tinh-mau")
    shutil.copytree(PLAN, work)
    out = os.path.join(tmp, "out")
    p = run("collect", work, "--period", "2026-H1", "-o", out)
    forms = os.path.join(out, "tinh-mau", "thu-thap-2026-H1")
    names = sorted(os.listdir(forms))
    check(names == ["tinh-mau-2026-H1-SKHCN.xlsx", "tinh-mau-2026-H1-VP.xlsx", "tinh-mau-2026-H1-toan-ke-hoach.xlsx"],
          f"one form per lead agency and one for the plan: {names}")
    whole = os.path.join(forms, "tinh-mau-2026-H1-toan-ke-hoach.xlsx")

    # --- The form itself.
    wb = openpyxl.load_workbook(whole)
    check(wb.sheetnames == ["Hướng dẫn", "Nhiệm vụ", "Chỉ tiêu", "_meta"], f"sheets: {wb.sheetnames}")
    check(wb["_meta"].sheet_state == "hidden", "_meta hidden")
    m = meta(wb)
    check(m.get("schema.name") == "vnplan.thu-thap" and m.get("schema.version") == "1.0", "schema in _meta")
    check(m.get("plan.id") == "tinh-mau" and m.get("collect.period") == "2026-H1", "plan and period in _meta")
    check(m.get("collect.unit.kind") == "plan", "unit kind in _meta")
    check(len(m.get("template.hash", "")) == 64, "template hash in _meta")
    ws = wb["Nhiệm vụ"]
    check(ws.protection.sheet, "task sheet protected")
    rows = task_rows(ws)
    check(set(rows) == {"1", "2", "3", "4"}, f"task rows {rows}")
    r1 = rows["1"]
    check(ws.cell(r1, 2).protection.locked, "description cell locked")
    check(not ws.cell(r1, 5).protection.locked, "status cell unlocked")
    check(not ws.cell(r1, 6).protection.locked, "date cell unlocked")
    dvs = ws.data_validations.dataValidation
    lists = [dv for dv in dvs if dv.type == "list"]
    check(lists and "Dừng/điều chỉnh" in lists[0].formula1 and "Hoàn thành" in lists[0].formula1, "status list")
    check(any(dv.type == "date" for dv in dvs), "date validation")
    check(any(dv.promptTitle and dv.prompt and "Chọn trong danh sách" in dv.prompt for dv in dvs),
          "Vietnamese input message on the status column")
    check(ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9", "A4 landscape")
    wi = wb["Chỉ tiêu"]
    check(any(dv.type == "decimal" for dv in wi.data_validations.dataValidation), "number validation on values")
    g = wb["Hướng dẫn"]
    check("HƯỚNG DẪN" in (g["A1"].value or ""), "instructions sheet")
    agency = openpyxl.load_workbook(os.path.join(forms, "tinh-mau-2026-H1-SKHCN.xlsx"))
    check(set(task_rows(agency["Nhiệm vụ"])) == {"3", "4"}, "agency form holds the agency's own tasks")
    check(meta(agency).get("collect.unit.code") == "SKHCN", "agency code in _meta")

    # Same input, same bytes.
    again = os.path.join(tmp, "again")
    run("collect", work, "--period", "2026-H1", "-o", again)
    check(md5(whole) == md5(os.path.join(again, "tinh-mau", "thu-thap-2026-H1", os.path.basename(whole))),
          "collect is reproducible")

    # --- Fill the whole-plan form with openpyxl.
    ws = wb["Nhiệm vụ"]
    ws.cell(rows["1"], 5).value = "Hoàn thành"
    ws.cell(rows["1"], 6).value = datetime.datetime(2026, 3, 20)
    ws.cell(rows["1"], 7).value = "KẾT-QUẢ-RT-001 ban hành kế hoạch"
    ws.cell(rows["1"], 8).value = "Kế hoạch số 45/KH-UBND ngày 20/3/2026"
    ws.cell(rows["2"], 5).value = "Đang thực hiện"
    ws.cell(rows["2"], 9).value = "VƯỚNG-MẮC-RT-002"
    wi = wb["Chỉ tiêu"]
    irow = {str(wi.cell(r, 1).value): r for r in range(6, wi.max_row + 1) if wi.cell(r, 4).value}
    wi.cell(irow["1"], 5).value = 83.5
    wi.cell(irow["4"], 5).value = "Đạt"
    wi.cell(irow["4"], 7).value = "GHI-CHÚ-RT-004"
    filled = os.path.join(tmp, "nop-toan-ke-hoach.xlsx")
    wb.save(filled)
    before = md5(filled)
    p = run("ingest", work, filled, "--today", "2026-06-05")
    check("đã tiếp nhận" in p.stdout, "accepted")
    check(md5(filled) == before, "the submitted file is not modified")
    progress = os.path.join(work, "progress", "2026-H1.yaml")
    data = open(progress, encoding="utf-8").read()
    check("KẾT-QUẢ-RT-001" in data and "83,5%" in data and "completed: 20/03/2026" in data, "merged progress data")
    p = run("ingest", work, filled)
    check("không thay đổi" in p.stdout and open(progress, encoding="utf-8").read() == data,
          "ingesting the same file twice changes nothing")

    # --- The agency form, filled and then saved again by LibreOffice.
    wa = openpyxl.load_workbook(os.path.join(forms, "tinh-mau-2026-H1-SKHCN.xlsx"))
    ra = task_rows(wa["Nhiệm vụ"])
    wa["Nhiệm vụ"].cell(ra["3"], 5).value = "Hoàn thành"
    wa["Nhiệm vụ"].cell(ra["3"], 6).value = "05/04/2026"  # a date typed as text
    wa["Nhiệm vụ"].cell(ra["3"], 7).value = "WIFI-RT-003 lắp 120 điểm"
    ia = {str(wa["Chỉ tiêu"].cell(r, 1).value): r for r in range(6, wa["Chỉ tiêu"].max_row + 1)
          if wa["Chỉ tiêu"].cell(r, 4).value}
    wa["Chỉ tiêu"].cell(ia["2"], 5).value = 120
    src = os.path.join(tmp, "lo", "skhcn.xlsx")
    os.makedirs(os.path.dirname(src))
    wa.save(src)
    lo_out = os.path.join(tmp, "lo", "out")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/lo-profile", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", lo_out, src], capture_output=True, timeout=180)
    lo_file = os.path.join(lo_out, "skhcn.xlsx")
    check(os.path.exists(lo_file), "LibreOffice saved the form")
    p = run("ingest", work, lo_file, "--today", "2026-06-06")
    check("đã tiếp nhận" in p.stdout and "agency SKHCN" in p.stdout, "LibreOffice-saved form accepted")
    data = open(progress, encoding="utf-8").read()
    check("WIFI-RT-003" in data and "completed: 05/04/2026" in data and "KẾT-QUẢ-RT-001" in data,
          "agency rows merged, other rows kept")
    check(os.path.exists(os.path.join(work, "progress", "units", "SKHCN", "2026-H1.yaml")), "agency data kept apart")

    # A newer submission for the same unit replaces the older one; the older data is kept.
    wa["Nhiệm vụ"].cell(ra["3"], 7).value = "WIFI-RT-003 bản sửa"
    wa["Chỉ tiêu"].cell(ia["2"], 5).value = 130
    newer = os.path.join(tmp, "skhcn-sua.xlsx")
    wa.save(newer)
    p = run("ingest", work, newer, "--today", "2026-06-07")
    unit_file = os.path.join(work, "progress", "units", "SKHCN", "2026-H1.yaml")
    unit_data = open(unit_file, encoding="utf-8").read()
    check("bản sửa" in unit_data and '"130"' in unit_data, "the newer submission replaces the older")
    hist = os.path.join(work, "progress", "units", "SKHCN", "history")
    old = [open(os.path.join(hist, f), encoding="utf-8").read() for f in os.listdir(hist)] if os.path.isdir(hist) else []
    check(len(old) == 1 and '"120"' in old[0], "the older data is kept in history/")
    check(os.path.isdir(os.path.join(work, "progress", "history")), "the plan's earlier progress file is kept")

    # --- The ledger.
    db = sqlite3.connect(os.path.join(work, "submissions", "ledger.sqlite"))
    recs = db.execute("SELECT unit_kind, unit_code, accepted, duplicate, content_hash, stored_path FROM submissions "
                      "ORDER BY id").fetchall()
    check([(r[0], r[1], r[2], r[3]) for r in recs] ==
          [("plan", "", 1, 0), ("plan", "", 1, 1), ("agency", "SKHCN", 1, 0), ("agency", "SKHCN", 1, 0)],
          f"ledger records {recs}")
    check(recs[0][4] == hashlib.sha256(open(filled, "rb").read()).hexdigest(), "ledger content hash")
    check(os.path.exists(os.path.join(work, recs[0][5])), "the received file is kept")

    # --- The report shows the filled values.
    rep = os.path.join(tmp, "rep")
    run("report", work, "--period", "2026-H1", "-o", rep)
    pdf = os.path.join(rep, "tinh-mau", "tinh-mau-bao-cao-2026-H1.pdf")
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    for marker in ["KẾT-QUẢ-RT-001", "WIFI-RT-003", "83,5%", "GHI-CHÚ-RT-004"]:
        check(marker in text, f"report PDF shows {marker}")
    rx = openpyxl.load_workbook(os.path.join(rep, "tinh-mau", "tinh-mau-bao-cao-2026-H1.xlsx"))
    cells = " ".join(str(c.value) for s in rx.worksheets for row in s.iter_rows() for c in row if c.value is not None)
    for marker in ["KẾT-QUẢ-RT-001", "WIFI-RT-003", "83,5%", "VƯỚNG-MẮC-RT-002"]:
        check(marker in cells, f"report workbook shows {marker}")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("ok")
