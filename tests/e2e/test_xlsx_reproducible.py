"""Same input, same bytes: the appendix workbooks of two builds are byte-identical, also
when plans are built in parallel (-j) and when SOURCE_DATE_EPOCH is set; the created date
comes from the plan's date or from SOURCE_DATE_EPOCH, never from the clock.

Usage: test_xlsx_reproducible.py VNPLAN SOURCE_DIR
"""
import datetime
import os
import re
import sys
import tempfile
import time
import zipfile

import openpyxl

sys.path.insert(0, os.path.dirname(__file__))
import xlsxcheck as xc  # noqa: E402

VNPLAN, SRC = sys.argv[1], sys.argv[2]
PLANS = {p: os.path.join(SRC, "inputs", p) for p in ("dinh-hoa", "binh-giang", "dang-uy-dinh-hoa")}
PLANS["xlsx-injection"] = os.path.join(SRC, "tests", "data", "plans", "xlsx-injection")
SDE = "1700000000"  # 2023-11-14T22:13:20Z
failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL:", msg)


def workbook(out, plan_id):
    with open(os.path.join(out, plan_id, plan_id + "-phu-luc.xlsx"), "rb") as f:
        return f.read()


def core_created(path):
    with zipfile.ZipFile(path) as z:
        m = re.search(r"<dcterms:created[^>]*>([^<]+)<", z.read("docProps/core.xml").decode())
        return m.group(1) if m else None


with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b, \
        tempfile.TemporaryDirectory() as c, tempfile.TemporaryDirectory() as d, tempfile.TemporaryDirectory() as e:
    dirs = list(PLANS.values())
    r1 = xc.build(VNPLAN, dirs + ["-j", "1"], a)
    time.sleep(1.1)  # a clock-dependent timestamp would now differ
    r2 = xc.build(VNPLAN, dirs + ["-j", "4"], b)
    r3 = xc.build(VNPLAN, dirs, c, env={"SOURCE_DATE_EPOCH": SDE})
    time.sleep(1.1)
    r4 = xc.build(VNPLAN, dirs + ["-j", "4"], d, env={"SOURCE_DATE_EPOCH": SDE})
    for i, r in enumerate((r1, r2, r3, r4), start=1):
        check(r.returncode == 0, f"build {i} failed: {r.stderr}")
    for plan_id, plan_dir in PLANS.items():
        try:
            wa, wb_, wc, wd = (workbook(x, plan_id) for x in (a, b, c, d))
        except OSError as ex:
            check(False, f"{plan_id}: missing workbook: {ex}")
            continue
        check(wa == wb_, f"{plan_id}: two builds (sequential, parallel) differ")
        check(wc == wd, f"{plan_id}: two builds with SOURCE_DATE_EPOCH differ")
        check(wa != wc, f"{plan_id}: SOURCE_DATE_EPOCH did not change the created date")

        # The created date: the plan's date (missing parts: 1) at 00:00 UTC, or SOURCE_DATE_EPOCH.
        date = xc.load_yaml(os.path.join(plan_dir, "plan.yaml"))["document"].get("date") or {}
        want = f"{date.get('year', 2025):04d}-{date.get('month', 1):02d}-{date.get('day', 1):02d}T00:00:00Z"
        pa = os.path.join(a, plan_id, plan_id + "-phu-luc.xlsx")
        pc = os.path.join(c, plan_id, plan_id + "-phu-luc.xlsx")
        check(core_created(pa) == want, f"{plan_id}: created {core_created(pa)} != {want}")
        sde = datetime.datetime.fromtimestamp(int(SDE), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        check(core_created(pc) == sde, f"{plan_id}: created with SOURCE_DATE_EPOCH {core_created(pc)} != {sde}")
        meta_a, _ = xc.read_meta(openpyxl.load_workbook(pa))
        meta_c, _ = xc.read_meta(openpyxl.load_workbook(pc))
        check(meta_a.get("created") == want and meta_c.get("created") == sde, f"{plan_id}: _meta created")
        # The content hash covers the data only: the created date does not change it.
        check(meta_a.get("content.hash") == meta_c.get("content.hash"), f"{plan_id}: hash depends on the date")

        # Zip entries carry a fixed date, not the build time.
        with zipfile.ZipFile(pa) as z:
            stamps = {i.date_time for i in z.infolist()}
            check(stamps == {(1980, 1, 1, 0, 0, 0)}, f"{plan_id}: zip entry dates {stamps}")

    # A rebuild over an existing output replaces the workbook with the same bytes.
    r5 = xc.build(VNPLAN, [PLANS["dinh-hoa"]], e)
    r6 = xc.build(VNPLAN, [PLANS["dinh-hoa"]], e)
    check(r5.returncode == 0 and r6.returncode == 0, "rebuild into the same directory failed")
    check(workbook(e, "dinh-hoa") == workbook(a, "dinh-hoa"), "rebuild over an existing file differs")
    leftovers = [f for f in os.listdir(os.path.join(e, "dinh-hoa")) if ".tmp-" in f]
    check(not leftovers, f"temporary files left behind: {leftovers}")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("OK")
