"""vnplan's own XLSX writer (pipeline/render/ooxml) writes the same XML as libxlsxwriter 1.1.4
did for the same calls: one workbook of each kind, written by vnplan when it still used
libxlsxwriter, is kept in tests/data/xlsx-reference/; this test writes them again the same way
and compares every part byte for byte (the theme excepted: vnplan writes its own, smaller one).
See docs/xlsx-writer.md.

The kinds: a seed plan's appendix, its 2026-H1 report (with the chart), a collection form, the
feedback form of a wrong submission (cells marked, with notes), and the consolidation.

Usage: test_xlsx_reference.py VNPLAN SOURCE_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

VNPLAN, SRC = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
REF = os.path.join(SRC, "tests", "data", "xlsx-reference")
# Parts allowed to differ from the reference.
OWN_PARTS = {"xl/theme/theme1.xml"}
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")  # 2026-01-01T00:00:00Z


def vnplan(*args, check=True):
    r = subprocess.run([VNPLAN, *args], env=ENV, capture_output=True, text=True)
    if check and r.returncode != 0:
        sys.exit(f"vnplan {' '.join(args)} failed ({r.returncode}):\n{r.stderr}")
    return r


def fill_forms(src, dst):
    """Fill the collection forms as a unit would: every status 'Đang thực hiện'; the second
    form also with a status outside the list and a changed locked description."""
    os.makedirs(dst)
    for i, f in enumerate(sorted(os.listdir(src))):
        wb = openpyxl.load_workbook(os.path.join(src, f))
        ws = wb["Nhiệm vụ"]
        for r in range(6, ws.max_row + 1):
            if ws.cell(r, 4).value and ws.cell(r, 5).fill.fgColor.rgb:
                ws.cell(r, 5).value = "Đang thực hiện"
        if i == 1:
            r = next(r for r in range(6, ws.max_row + 1) if ws.cell(r, 4).value)
            ws.cell(r, 5).value = "Xong rồi"
            ws.cell(r, 2).value = "Tên đã bị sửa"
        wb.save(os.path.join(dst, f))


def generate(t):
    """The workbooks, by reference name."""
    out = {}
    seed = os.path.join(SRC, "inputs", "binh-giang")
    vnplan("build", seed, "-o", os.path.join(t, "build"))
    out["build_binh-giang_binh-giang-phu-luc.xlsx"] = os.path.join(t, "build", "binh-giang", "binh-giang-phu-luc.xlsx")
    vnplan("report", seed, "--period", "2026-H1", "-o", os.path.join(t, "report"))
    out["report_binh-giang_binh-giang-bao-cao-2026-H1.xlsx"] = os.path.join(
        t, "report", "binh-giang", "binh-giang-bao-cao-2026-H1.xlsx")

    tree = os.path.join(t, "tinh-mau")
    shutil.copytree(os.path.join(SRC, "tests", "data", "collect", "tinh-mau"), tree)
    units = os.path.join(tree, "units.yaml")
    shutil.copy(os.path.join(SRC, "tests", "data", "collect", "units-2level.yaml"), units)
    vnplan("collect", tree, "--period", "2026-H1", "--units", units, "-o", os.path.join(t, "forms"))
    forms = os.path.join(t, "forms", "tinh-mau", "thu-thap-2026-H1")
    out["forms_tinh-mau_thu-thap-2026-H1_tinh-mau-2026-H1-05440.xlsx"] = os.path.join(forms, "tinh-mau-2026-H1-05440.xlsx")

    filled = os.path.join(t, "filled")
    fill_forms(forms, filled)
    for f in sorted(os.listdir(filled)):  # the wrong submission is rejected (non-zero exit)
        vnplan("ingest", tree, os.path.join(filled, f), "--period", "2026-H1", "--today", "2026-06-05",
               "-o", os.path.join(t, "ingest"), check=False)
    out["ingest_tinh-mau_phan-hoi-2026-H1_tinh-mau-2026-H1-05443-phan-hoi.xlsx"] = os.path.join(
        t, "ingest", "tinh-mau", "phan-hoi-2026-H1", "tinh-mau-2026-H1-05443-phan-hoi.xlsx")
    vnplan("consolidate", tree, "--period", "2026-H1", "--units", units, "-o", os.path.join(t, "cons"), check=False)
    out["cons_tinh-mau_tinh-mau-tong-hop-2026-H1.xlsx"] = os.path.join(t, "cons", "tinh-mau", "tinh-mau-tong-hop-2026-H1.xlsx")
    return out


def first_difference(ref, new):
    i = next((k for k in range(min(len(ref), len(new))) if ref[k] != new[k]), min(len(ref), len(new)))
    show = lambda b: b[max(0, i - 120):i + 120].decode("utf-8", "replace")  # noqa: E731
    return f"at byte {i} (reference {len(ref)} bytes, new {len(new)})\n  ref: ...{show(ref)}\n  new: ...{show(new)}"


def compare(name, ref_path, new_path):
    """Problems found (empty: identical but for the theme)."""
    if not os.path.exists(new_path):
        return [f"{name}: not written ({new_path})"]
    problems = []
    with zipfile.ZipFile(ref_path) as a, zipfile.ZipFile(new_path) as b:
        if a.namelist() != b.namelist():
            problems.append(f"{name}: parts differ\n  ref: {a.namelist()}\n  new: {b.namelist()}")
        for part in a.namelist():
            if part in OWN_PARTS or part not in b.namelist():
                continue
            x, y = a.read(part), b.read(part)
            if x != y:
                problems.append(f"{name}!{part}: differs {first_difference(x, y)}")
    return problems


def main():
    refs = sorted(f for f in os.listdir(REF) if f.endswith(".xlsx"))
    assert len(refs) == 5, refs
    with tempfile.TemporaryDirectory() as t:
        made = generate(t)
        assert sorted(made) == refs, (sorted(made), refs)
        problems = []
        for name in refs:
            found = compare(name, os.path.join(REF, name), made[name])
            print(f"{name}: {'identical' if not found else f'{len(found)} difference(s)'}")
            problems += found
    for p in problems:
        print("FAIL:", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
