"""The XLSX reader (issue 9) on workbooks written by other programs: openpyxl, and
LibreOffice (a round trip through `soffice --convert-to xlsx`, and its .xls/.ods exports,
which must be refused with their own message). Called by ctest with the dump tool
(tests/tools/xlsx_dump.cpp) and the source dir."""
import datetime
import json
import os
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.styles import Protection
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.workbook.defined_name import DefinedName

dump_tool, source_dir = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(source_dir, "tests", "e2e"))
import xlsxcheck as xc  # noqa: E402

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL:", msg)


def dump(path):
    r = subprocess.run([dump_tool, path], capture_output=True, text=True, timeout=120)
    return r.returncode, (json.loads(r.stdout) if r.returncode == 0 else None), r.stderr


LONG = "ư" * 32767


def make_openpyxl(path, epoch1904=False):
    wb = openpyxl.Workbook()
    if epoch1904:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Tiến độ"
    ws["A1"] = "Nhiệm vụ"
    ws["B1"] = "Giá trị"
    ws["A2"] = "Rà soát thủ tục hành chính"
    ws["B2"] = 12.5
    ws["C2"] = 3
    ws["D2"] = datetime.date(2026, 3, 15)
    ws["D2"].number_format = "DD/MM/YYYY"
    ws["E2"] = "15/03/2026"
    ws["F2"] = True
    ws["G2"] = "=B2*2"
    ws["H2"] = "Đang thực hiện"
    ws["H2"].protection = Protection(locked=False)
    ws["A3"] = LONG
    ws.protection.sheet = True
    meta = wb.create_sheet("_meta")
    meta["A1"] = "schema"
    meta["B1"] = 3
    meta.sheet_state = "hidden"
    secret = wb.create_sheet("Ẩn sâu")
    secret["A1"] = "x"
    secret.sheet_state = "veryHidden"
    wb.defined_names.append(DefinedName("vnplan_schema", attr_text="_meta!$B$1"))
    wb.save(path)


def check_common(tag, wb, formula_cached):
    names = [s["name"] for s in wb["sheets"]]
    check(names == ["Tiến độ", "_meta", "Ẩn sâu"], f"{tag}: sheet names {names}")
    if names[:1] != ["Tiến độ"]:
        return
    s = wb["sheets"][0]
    c = s["cells"]
    check(s["protected"], f"{tag}: sheet protection lost")
    check(c["A1"]["text"] == "Nhiệm vụ", f"{tag}: A1 {c.get('A1')}")
    check(c["A2"]["text"] == "Rà soát thủ tục hành chính", f"{tag}: A2 {c.get('A2')}")
    check(c["B2"]["kind"] == "number" and c["B2"]["number"] == 12.5, f"{tag}: B2 {c.get('B2')}")
    check(c["C2"]["number"] == 3, f"{tag}: C2 {c.get('C2')}")
    check(c["D2"]["date"] and c["D2"].get("iso") == "2026-03-15", f"{tag}: D2 date {c.get('D2')}")
    check(c["E2"]["kind"] == "text" and c["E2"]["text"] == "15/03/2026", f"{tag}: E2 typed date {c.get('E2')}")
    check(c["F2"]["kind"] == "boolean" and c["F2"]["number"] == 1, f"{tag}: F2 {c.get('F2')}")
    check(c["G2"]["formula"], f"{tag}: G2 not flagged as a formula {c.get('G2')}")
    if formula_cached:
        check(c["G2"]["number"] == 25, f"{tag}: G2 cached value {c.get('G2')}")
    check(not c["H2"]["locked"], f"{tag}: H2 should be unlocked {c.get('H2')}")
    check(c["B2"]["locked"], f"{tag}: B2 should be locked {c.get('B2')}")
    check(c["A3"]["text"] == LONG, f"{tag}: the 32,767-character cell")
    meta = wb["sheets"][1]
    check(meta["hidden"] and not meta["veryHidden"], f"{tag}: _meta state {meta['hidden']} {meta['veryHidden']}")
    check(meta["cells"]["B1"]["number"] == 3, f"{tag}: _meta!B1")
    # LibreOffice has no "very hidden": it saves such a sheet as hidden.
    check(wb["sheets"][2]["hidden"] and wb["sheets"][2]["veryHidden"] != tag.startswith("LibreOffice"),
          f"{tag}: veryHidden sheet {wb['sheets'][2]['hidden']} {wb['sheets'][2]['veryHidden']}")


with tempfile.TemporaryDirectory(prefix="vnplan-xlsxread-") as tmp:
    op = os.path.join(tmp, "openpyxl.xlsx")
    make_openpyxl(op)
    rc, wb, err = dump(op)
    check(rc == 0, f"openpyxl: reader failed: {err}")
    if wb:
        check(not wb["date1904"], "openpyxl: date1904")
        check(wb["definedNames"].get("vnplan_schema") == "_meta!$B$1", f"openpyxl: names {wb['definedNames']}")
        check_common("openpyxl", wb, formula_cached=False)
        check(wb["sheets"][0]["cells"]["G2"]["text"] == "", "openpyxl writes no cached value")

    op4 = os.path.join(tmp, "openpyxl1904.xlsx")
    make_openpyxl(op4, epoch1904=True)
    rc, wb, err = dump(op4)
    check(rc == 0, f"openpyxl 1904: reader failed: {err}")
    if wb:
        check(wb["date1904"], "openpyxl 1904: date1904 not set")
        check_common("openpyxl 1904", wb, formula_cached=False)

    # LibreOffice round trip: it recomputes the formula and rewrites every part its own way.
    for src in (op, op4):
        outdir = os.path.join(tmp, "lo-" + os.path.basename(src).split(".")[0])
        os.makedirs(outdir)
        ok, out, log = xc.soffice_convert(src, outdir, fmt="xlsx")
        check(ok, f"LibreOffice xlsx conversion failed: {log[-300:]}")
        if ok:
            rc, wb, err = dump(out)
            check(rc == 0, f"LibreOffice {os.path.basename(src)}: reader failed: {err}")
            if wb:
                check(wb["date1904"] == (src == op4), f"LibreOffice {os.path.basename(src)}: date1904 {wb['date1904']}")
                check_common("LibreOffice " + os.path.basename(src), wb, formula_cached=True)
            print(f"LibreOffice round trip of {os.path.basename(src)}: read")

    # Files in the other formats LibreOffice writes: refused, each with its own message.
    expected = {
        "xls": "tệp Excel 97–2003 (.xls) không được hỗ trợ",
        "ods": "tệp là OpenDocument (.ods/.odt), không phải .xlsx",
    }
    for fmt, message in expected.items():
        outdir = os.path.join(tmp, "lo-" + fmt)
        os.makedirs(outdir)
        ok, out, log = xc.soffice_convert(op, outdir, fmt=fmt)
        check(ok, f"LibreOffice {fmt} conversion failed: {log[-300:]}")
        if ok:
            rc, wb, err = dump(out)
            check(rc == 1, f"{fmt}: should be refused")
            check(err.strip() == f"{out}: lỗi: {message}" + err.strip().split(message, 1)[-1] and message in err,
                  f"{fmt}: message {err!r}")
            check(err.count("\n") == 1, f"{fmt}: one error only: {err!r}")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("ok")
