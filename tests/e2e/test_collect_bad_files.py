"""Bad returned workbooks (docs/collection.md, "Ingest"): each case damages a collection form
the way offices do, and asserts that `vnplan ingest` rejects it with its specific message at
its place (`file.xlsx!Sheet!F12`), records it in the ledger, writes a feedback workbook (when
the form is recognised) that marks the cell and lists the problem, changes no progress data,
and leaves the submitted file as it was.

Usage: test_collect_bad_files.py VNPLAN SOURCE_DIR
"""
import datetime
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

VNPLAN, SRC = sys.argv[1], sys.argv[2]
PLAN = os.path.join(SRC, "tests", "data", "collect", "tinh-mau")
UNITS = os.path.join(SRC, "tests", "data", "collect", "units-2level.yaml")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def rows_of(ws):
    return {str(ws.cell(r, 1).value): r for r in range(6, ws.max_row + 1) if ws.cell(r, 4).value}


def set_meta(wb, key, value):
    ws = wb["_meta"]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value == key:
            ws.cell(r, 2).value = value
            return r
    raise KeyError(key)


def meta_row(wb, key):
    ws = wb["_meta"]
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == key)


# Each case: mutate(wb) -> expected place after "file.xlsx!" (or None: the file itself),
# the Vietnamese message fragment, the English fragment, extra ingest arguments.
def unknown_status(wb):
    ws = wb["Nhiệm vụ"]
    r = rows_of(ws)["1"]
    ws.cell(r, 5).value = "Xong rồi"
    return f"Nhiệm vụ!E{r}"


def not_a_date(wb):
    ws = wb["Nhiệm vụ"]
    r = rows_of(ws)["1"]
    ws.cell(r, 5).value = "Hoàn thành"
    ws.cell(r, 6).value = "hôm qua"
    return f"Nhiệm vụ!F{r}"


def impossible_date(wb):
    ws = wb["Nhiệm vụ"]
    r = rows_of(ws)["3"]
    ws.cell(r, 5).value = "Hoàn thành"
    ws.cell(r, 6).value = "31/06/2026"
    return f"Nhiệm vụ!F{r}"


def date_after_period(wb):
    ws = wb["Nhiệm vụ"]
    r = rows_of(ws)["3"]
    ws.cell(r, 5).value = "Hoàn thành"
    ws.cell(r, 6).value = datetime.datetime(2026, 8, 1)
    return f"Nhiệm vụ!F{r}"


def locked_changed(wb):
    ws = wb["Nhiệm vụ"]
    r = rows_of(ws)["2"]
    ws.cell(r, 2).value = "Tên nhiệm vụ đã bị sửa"
    return f"Nhiệm vụ!B{r}"


def row_added(wb):
    ws = wb["Nhiệm vụ"]
    r = rows_of(ws)["2"]
    ws.insert_rows(r + 1)
    ws.cell(r + 1, 1).value = "2a"
    ws.cell(r + 1, 2).value = "Nhiệm vụ thêm"
    return f"Nhiệm vụ!A{r + 1}"


def row_deleted(wb):
    ws = wb["Nhiệm vụ"]
    r = rows_of(ws)["2"]
    ws.delete_rows(r)
    return f"Nhiệm vụ!A{r}"


def stopped_without_reason(wb):
    ws = wb["Nhiệm vụ"]
    r = rows_of(ws)["4"]
    ws.cell(r, 5).value = "Dừng/điều chỉnh"
    return f"Nhiệm vụ!J{r}"


def done_without_date(wb):
    ws = wb["Nhiệm vụ"]
    r = rows_of(ws)["1"]
    ws.cell(r, 5).value = "Hoàn thành"
    return f"Nhiệm vụ!F{r}"


def formula_cell(wb):
    ws = wb["Chỉ tiêu"]
    r = rows_of(ws)["2"]
    ws.cell(r, 5).value = "=40+60"
    return f"Chỉ tiêu!E{r}"


def wrong_plan(wb):
    return f"_meta!B{set_meta(wb, 'plan.id', 'ke-hoach-khac')}"


def wrong_unit(wb):
    return f"_meta!B{set_meta(wb, 'collect.unit.code', '99999')}"


def wrong_period(wb):
    return f"_meta!B{meta_row(wb, 'collect.period')}"


def older_schema(wb):
    return f"_meta!B{set_meta(wb, 'schema.version', '0.9')}"


def template_changed(wb):
    return f"_meta!B{set_meta(wb, 'template.hash', '0' * 64)}"


def sheet_renamed(wb):
    wb["Chỉ tiêu"].title = "Chi tieu"
    return None


def sheet_hidden(wb):
    wb["Chỉ tiêu"].sheet_state = "hidden"
    return "Chỉ tiêu"


def meta_deleted(wb):
    del wb["_meta"]
    return None


CASES = [
    ("unknown-status", unknown_status, "tình trạng \"Xong rồi\" không hợp lệ", "unknown status", []),
    ("not-a-date", not_a_date, "\"hôm qua\" không phải là ngày", "is not a date", []),
    ("impossible-date", impossible_date, "ngày không hợp lệ: 31/06/2026", "impossible date", []),
    ("date-after-period", date_after_period, "nằm ngoài khoảng cho phép", "is outside", []),
    ("locked-changed", locked_changed, "ô mô tả đã bị sửa", "locked description cell was changed", []),
    ("row-added", row_added, "dòng bị thêm vào biểu mẫu", "a row was added", []),
    ("row-deleted", row_deleted, "dòng số \"2\" bị xóa", "row \"2\" was deleted", []),
    ("stopped-without-reason", stopped_without_reason, "cần nhập \"Lý do dừng/điều chỉnh\"", "is required", []),
    ("done-without-date", done_without_date, "cần nhập \"Ngày hoàn thành\"", "is required", []),
    ("formula", formula_cell, "ô chứa công thức", "holds a formula", []),
    ("wrong-plan", wrong_plan, "biểu mẫu của kế hoạch \"ke-hoach-khac\"", "belongs to plan", []),
    ("wrong-unit", wrong_unit, "đơn vị \"99999\" không có trong danh mục", "is not in the directory", []),
    ("wrong-period", wrong_period, "biểu mẫu của kỳ 2026-H1, không phải kỳ 2026", "is for period 2026-H1",
     ["--period", "2026"]),
    ("older-schema", older_schema, "phiên bản biểu mẫu 0.9", "schema version 0.9", []),
    ("template-changed", template_changed, "phiên bản khác của kế hoạch", "another version of the plan", []),
    ("sheet-renamed", sheet_renamed, "thiếu trang tính \"Chỉ tiêu\"", "sheet \"Chỉ tiêu\" is missing", []),
    ("sheet-hidden", sheet_hidden, "trang tính \"Chỉ tiêu\" bị ẩn", "sheet \"Chỉ tiêu\" is hidden", []),
    ("meta-deleted", meta_deleted, "không phải biểu mẫu do vnplan collect tạo", "not made by vnplan collect", []),
]

tmp = tempfile.mkdtemp()
try:
    work = os.path.join(tmp, "tinh-mau")
    shutil.copytree(PLAN, work)
    shutil.copy(UNITS, os.path.join(work, "units.yaml"))
    forms = os.path.join(tmp, "forms")
    subprocess.run([VNPLAN, "collect", work, "--period", "2026-H1", "--units", UNITS, "-o", forms], check=True,
                   capture_output=True)
    form = os.path.join(forms, "tinh-mau", "thu-thap-2026-H1", "tinh-mau-2026-H1-05440.xlsx")
    bad_dir = os.path.join(tmp, "bad")
    os.makedirs(bad_dir)
    fb_root = os.path.join(tmp, "fb")

    def ingest(path, extra, lang=None):
        args = [VNPLAN, "ingest", work, path, "-o", fb_root, *extra]
        if lang:
            args += ["--lang", lang]
        return subprocess.run(args, capture_output=True, text=True)

    for name, mutate, vi, en, extra in CASES:
        wb = openpyxl.load_workbook(form)
        place = mutate(wb)
        path = os.path.join(bad_dir, name + ".xlsx")
        wb.save(path)
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        p = ingest(path, extra)
        check(p.returncode == 1, f"{name}: exit {p.returncode}")
        where = f"{name}.xlsx!{place}: lỗi: " if place else f"{name}.xlsx: lỗi: "
        line = next((l for l in p.stderr.splitlines() if l.startswith(where)), "")
        check(vi in line, f"{name}: expected '{where}…{vi}…' in:\n{p.stderr}")
        pe = ingest(path, extra, "en")
        check(any(l.startswith(where.replace("lỗi", "error")) and en in l for l in pe.stderr.splitlines()),
              f"{name}: English message '{en}' in:\n{pe.stderr}")
        check(hashlib.sha256(open(path, "rb").read()).hexdigest() == digest, f"{name}: submitted file unchanged")
        fb = os.path.join(fb_root, "tinh-mau", "phan-hoi-2026-H1", name + "-phan-hoi.xlsx")
        recognised = name not in ("meta-deleted", "wrong-plan", "wrong-unit", "wrong-period", "older-schema",
                                  "template-changed")
        check(os.path.exists(fb) == recognised, f"{name}: feedback workbook {'missing' if recognised else 'unexpected'}")
        if recognised and os.path.exists(fb):
            fwb = openpyxl.load_workbook(fb)
            check(fwb.sheetnames[0] == "Lỗi cần sửa", f"{name}: problem sheet first")
            listed = [(fwb.worksheets[0].cell(r, 2).value, fwb.worksheets[0].cell(r, 3).value)
                      for r in range(5, fwb.worksheets[0].max_row + 1)]
            check(any(vi in (msg or "") for _, msg in listed), f"{name}: problem listed in feedback: {listed}")
            if place and "!" in place and not place.startswith("_meta"):
                sheet, ref = place.split("!")
                if name not in ("row-added", "row-deleted"):
                    cell = fwb[sheet][ref]
                    check(cell.fill.fgColor.rgb in ("FFF4B6B6", "00F4B6B6"), f"{name}: problem cell marked")
                    check(cell.comment is not None and vi in cell.comment.text, f"{name}: problem cell note")
    # A file that is not a workbook at all, and an appendix workbook of `vnplan build`.
    junk = os.path.join(bad_dir, "not-a-zip.xlsx")
    open(junk, "w").write("hello")
    p = ingest(junk, [])
    check(p.returncode == 1 and "not-a-zip.xlsx: lỗi: tệp không phải bảng tính Excel" in p.stderr,
          f"not a zip: {p.stderr}")
    subprocess.run([VNPLAN, "build", work, "-o", os.path.join(tmp, "build")], capture_output=True, check=True)
    appendix = os.path.join(tmp, "build", "tinh-mau", "tinh-mau-phu-luc.xlsx")
    p = ingest(appendix, [])
    check(p.returncode == 1 and re.search(r"tinh-mau-phu-luc\.xlsx!_meta!B\d+: lỗi: tệp không phải biểu mẫu", p.stderr),
          f"appendix workbook: {p.stderr}")
    check(not os.path.exists(os.path.join(work, "progress", "units")), "no progress data from rejected files")
    db = sqlite3.connect(os.path.join(work, "submissions", "ledger.sqlite"))
    n, acc = db.execute("SELECT count(*), sum(accepted) FROM submissions").fetchone()
    check(n == 2 * len(CASES) + 2 and acc == 0, f"ledger: {n} records, {acc} accepted")
    reasons = db.execute("SELECT reasons FROM submissions WHERE file_name = 'unknown-status.xlsx'").fetchone()[0]
    check("Xong rồi" in reasons, "ledger keeps the reasons")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print(f"ok ({len(CASES) + 2} bad files)")
