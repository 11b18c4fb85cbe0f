"""`vnplan run` with collection (docs/scaling.md, "Collection"; docs/collection.md, "The inbox"):
forms made by `vnplan collect` are filled with openpyxl and dropped in PLAN_DIR/inbox/<P>/: the
whole-plan form and one unit's form (valid), another unit's form (invalid). One run ingests them
before building, so the report shows the plan form's values; the invalid one gets its feedback
workbook and makes the run exit 1 while the plan, report and consolidation are still written;
the consolidation says 1 of 3 units reported. A second run reads nothing again and rebuilds
nothing; the ledger keeps its rows; the inbox files stay byte-identical. A corrected file
dropped later is ingested and rebuilds the consolidation only. The consolidation of `run` is
the bytes of `vnplan consolidate`.

Usage: test_run_collect.py VNPLAN SOURCE_DIR
"""
import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import openpyxl

VNPLAN, SRC = sys.argv[1], sys.argv[2]
PLAN = os.path.join(SRC, "tests", "data", "collect", "tinh-mau")
UNITS = os.path.join(SRC, "tests", "data", "collect", "units-2level.yaml")
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1781049600")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def vnplan(*args):
    return subprocess.run([VNPLAN, *args], capture_output=True, text=True, env=ENV)


def rows_of(ws):
    return {str(ws.cell(r, 1).value): r for r in range(6, ws.max_row + 1) if ws.cell(r, 4).value}


def sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def tree_hashes(folder):
    return {os.path.relpath(os.path.join(d, f), folder): sha(os.path.join(d, f))
            for d, _, files in os.walk(folder) for f in files}


def ledger_rows(work):
    db = sqlite3.connect(os.path.join(work, "submissions", "ledger.sqlite"))
    rows = db.execute("SELECT unit_kind, unit_code, period, accepted FROM submissions ORDER BY id").fetchall()
    db.close()
    return rows


def rates(xlsx):
    ws = openpyxl.load_workbook(xlsx)["Tỷ lệ báo cáo"]
    return {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(2, 8)] for r in range(4, ws.max_row + 1)}


tmp = tempfile.mkdtemp()
try:
    root = os.path.join(tmp, "root")
    work = os.path.join(root, "tinh-mau")
    shutil.copytree(PLAN, work)
    shutil.copy(UNITS, os.path.join(work, "units.yaml"))
    forms = os.path.join(tmp, "forms")
    p = vnplan("collect", work, "--period", "2026-H1", "--units", os.path.join(work, "units.yaml"), "-o", forms)
    check(p.returncode == 0, f"collect units: {p.stderr}")
    p = vnplan("collect", work, "--period", "2026-H1", "-o", forms)
    check(p.returncode == 0, f"collect plan: {p.stderr}")
    fdir = os.path.join(forms, "tinh-mau", "thu-thap-2026-H1")
    inbox = os.path.join(work, "inbox", "2026-H1")
    os.makedirs(inbox)

    # The whole-plan form: the plan's own progress data, for the report.
    wb = openpyxl.load_workbook(os.path.join(fdir, "tinh-mau-2026-H1-toan-ke-hoach.xlsx"))
    t = rows_of(wb["Nhiệm vụ"])
    wb["Nhiệm vụ"].cell(t["1"], 5).value = "Hoàn thành"
    wb["Nhiệm vụ"].cell(t["1"], 6).value = datetime.datetime(2026, 3, 20)
    wb["Nhiệm vụ"].cell(t["1"], 7).value = "KẾT-QUẢ-INBOX-001"
    wb.save(os.path.join(inbox, "toan-ke-hoach.xlsx"))

    def unit_form(code, status):
        wb = openpyxl.load_workbook(os.path.join(fdir, f"tinh-mau-2026-H1-{code}.xlsx"))
        ws, wi = wb["Nhiệm vụ"], wb["Chỉ tiêu"]
        t, i = rows_of(ws), rows_of(wi)
        ws.cell(t["1"], 5).value = "Hoàn thành"
        ws.cell(t["1"], 6).value = datetime.datetime(2026, 4, 2)
        ws.cell(t["2"], 5).value = status
        wi.cell(i["1"], 5).value = 91.5
        wi.cell(i["2"], 5).value = 40
        return wb

    unit_form("05440", "Đang thực hiện").save(os.path.join(inbox, "xa-binh-yen.xlsx"))
    unit_form("05443", "Gần xong").save(os.path.join(inbox, "xa-dinh-bien.xlsx"))  # not a status
    open(os.path.join(inbox, "~$xa-binh-yen.xlsx"), "wb").write(b"office lock file")  # left alone
    inbox_before = tree_hashes(inbox)

    out = os.path.join(tmp, "out")
    summary = os.path.join(out, "vnplan-run-2026-H1.json")
    p = vnplan("run", root, "--period", "2026-H1", "-j", "2", "--today", "2026-06-05", "-o", out)
    check(p.returncode == 1, f"run 1 exits 1 for the rejected submission, got {p.returncode}\n{p.stdout}{p.stderr}")
    s = json.load(open(summary))
    check(s["submissions"] == {"ingested": 3, "accepted": 2, "rejected": 1, "skipped": 0},
          f"run 1 submissions: {s['submissions']}")
    check(s["consolidations"] == {"built": 1, "unchanged": 0, "failed": 0}, f"run 1 consolidations: {s['consolidations']}")
    check(s["failed"] == 1 and s["files_written"] == 6, f"run 1: failed {s['failed']}, files {s['files_written']}")
    msgs = " ".join(m for f in s["failures"] for m in f["messages"])
    check("xa-dinh-bien.xlsx!Nhiệm vụ!E" in msgs and "Gần xong" in msgs, f"located rejection in the summary: {msgs}")
    check("thu thập: đã đọc 3 tệp nộp — 2 tiếp nhận, 1 không tiếp nhận, 0 đã có trong sổ; "
          "tổng hợp: 1 đã dựng, 0 không đổi, 0 lỗi" in p.stdout, f"collection line: {p.stdout}")
    check("xa-binh-yen.xlsx: đã tiếp nhận (unit 05440, 2026-H1" in p.stderr, "accepted file logged")

    check(os.path.isfile(os.path.join(work, "progress", "units", "05440", "2026-H1.yaml")), "unit progress merged")
    check(not os.path.exists(os.path.join(work, "progress", "units", "05443")), "rejected unit: no progress data")
    feedback = os.path.join(out, "tinh-mau", "phan-hoi-2026-H1", "xa-dinh-bien-phan-hoi.xlsx")
    check(os.path.isfile(feedback), "feedback workbook for the rejected file")
    if os.path.isfile(feedback):
        check("Lỗi cần sửa" in openpyxl.load_workbook(feedback).sheetnames, "feedback lists the problems")
    rows = ledger_rows(work)
    check(sorted(rows) == sorted([("plan", "", "2026-H1", 1), ("unit", "05440", "2026-H1", 1),
                                  ("unit", "05443", "2026-H1", 0)]), f"ledger rows: {rows}")

    base = os.path.join(out, "tinh-mau")
    for name in ["tinh-mau.pdf", "tinh-mau-phu-luc.xlsx", "tinh-mau-bao-cao-2026-H1.pdf", "tinh-mau-bao-cao-2026-H1.xlsx",
                 "tinh-mau-tong-hop-2026-H1.pdf", "tinh-mau-tong-hop-2026-H1.xlsx"]:
        check(os.path.isfile(os.path.join(base, name)), f"output {name} written despite the rejected file")
    text = subprocess.run(["pdftotext", os.path.join(base, "tinh-mau-bao-cao-2026-H1.pdf"), "-"],
                          capture_output=True, text=True).stdout
    check("KẾT-QUẢ-INBOX-001" in text, "the report of this run holds the data ingested by it")
    got = rates(os.path.join(base, "tinh-mau-tong-hop-2026-H1.xlsx")).get("Tổng cộng")
    check(got is not None and got[:2] == [3, 1] and got[2] == 1 and got[5] == 1,
          f"consolidation: 3 expected, 1 reported on time, 1 rejected: {got}")

    # The bytes of `vnplan consolidate` with the same SOURCE_DATE_EPOCH.
    alone = os.path.join(tmp, "alone")
    p = vnplan("consolidate", work, "--period", "2026-H1", "-o", alone)
    check(p.returncode == 0, f"consolidate: {p.stderr}")
    for ext in ("pdf", "xlsx"):
        a = os.path.join(alone, "tinh-mau", f"tinh-mau-tong-hop-2026-H1.{ext}")
        check(os.path.isfile(a) and sha(a) == sha(os.path.join(base, f"tinh-mau-tong-hop-2026-H1.{ext}")),
              f"run's consolidation {ext} is the bytes of vnplan consolidate")

    # 2. Nothing new: nothing read, nothing rebuilt, no ledger row added.
    outputs_before = tree_hashes(base)
    p = vnplan("run", root, "--period", "2026-H1", "--today", "2026-06-06", "-o", out)
    s = json.load(open(summary))
    check(p.returncode == 0, f"run 2 exit {p.returncode}: {p.stderr}")
    check(s["submissions"] == {"ingested": 0, "accepted": 0, "rejected": 0, "skipped": 3},
          f"run 2 submissions: {s['submissions']}")
    check(s["consolidations"] == {"built": 0, "unchanged": 1, "failed": 0}, f"run 2 consolidations: {s['consolidations']}")
    check(s["built"] == 0 and s["unchanged"] == 1 and s["files_written"] == 0, f"run 2 rebuilt something: {s}")
    check(len(ledger_rows(work)) == 3, "run 2 adds no ledger row")
    check(tree_hashes(base) == outputs_before, "run 2 leaves the outputs as they were")
    check(tree_hashes(inbox) == inbox_before, "the inbox files are never modified")

    # 3. A corrected file: only it is read; the consolidation is rebuilt, the plan's documents not.
    unit_form("05443", "Chưa thực hiện").save(os.path.join(inbox, "xa-dinh-bien-sua.xlsx"))
    p = vnplan("run", root, "--period", "2026-H1", "--today", "2026-06-20", "-o", out, "--lang", "en")
    s = json.load(open(summary))
    check(p.returncode == 0, f"run 3 exit {p.returncode}: {p.stderr}")
    check(s["submissions"] == {"ingested": 1, "accepted": 1, "rejected": 0, "skipped": 3},
          f"run 3 submissions: {s['submissions']}")
    check(s["consolidations"]["built"] == 1 and s["built"] == 1 and s["files_written"] == 2,
          f"run 3 rebuilds the consolidation only: {s}")
    check("collection: 1 submission(s) read — 1 accepted, 0 rejected, 3 already in the ledger" in p.stdout,
          f"English collection line: {p.stdout}")
    got = rates(os.path.join(base, "tinh-mau-tong-hop-2026-H1.xlsx")).get("Tổng cộng")
    check(got is not None and got[:4] == [3, 2, 1, 1], f"consolidation: 2 reported, 1 late: {got}")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("ok")
