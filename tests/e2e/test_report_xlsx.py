"""Progress report workbooks (schema vnplan.bao-cao), read with openpyxl and LibreOffice:
every number the report PDF's prose states equals the summary sheet's value with the same
key; the achievement formulas recomputed here give the cached values vnplan wrote; the status
column has its list validation and colours; the summary has a native stacked column chart;
the content hash matches; LibreOffice opens the file; a second run gives the same bytes.

Usage: test_report_xlsx.py VNPLAN SOURCE_DIR
"""
import datetime
import os
import re
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
import openpyxl  # noqa: E402
import pdfcheck as pc  # noqa: E402
import xlsxcheck as xc  # noqa: E402

VNPLAN, SRC = sys.argv[1], sys.argv[2]
PLANS = ["dinh-hoa", "binh-giang", "dang-uy-dinh-hoa"]
PERIODS = ["2025", "2026-H1"]
STATUS_LABELS = ["Hoàn thành đúng hạn", "Hoàn thành chậm", "Đang thực hiện", "Chưa thực hiện", "Quá hạn",
                 "Thường xuyên, hằng năm", "Chờ điều kiện", "Dừng/điều chỉnh", "Chưa báo cáo"]
VERDICTS = {"numeric": {"Đạt", "Chưa đạt"}, "yes-no": {"Đạt", "Chưa đạt"},
            "not-comparable": {"Chưa so sánh được"}, "no-data": {"Chưa có số liệu"},
            "no-target": {"Không đặt chỉ tiêu"}}
TASK_KEYS = ["tasks.total", "tasks.done", "tasks.done_pct", "tasks.done_on_time", "tasks.done_late",
             "tasks.in_progress", "tasks.not_started", "tasks.overdue", "tasks.overdue_pct", "tasks.recurring",
             "tasks.waiting", "tasks.stopped", "tasks.not_reported"]
INDICATOR_KEYS = ["indicators.total", "indicators.met", "indicators.met_pct", "indicators.not_met",
                  "indicators.not_comparable", "indicators.no_data"]
failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL:", msg)


def report(plan, period, out):
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run([VNPLAN, "report", os.path.join(SRC, "inputs", plan), "--period", period, "-o", out],
                          capture_output=True, text=True, env=env, timeout=300)


def table(wb, meta, registry, tid):
    """The body rows of table `tid` as dicts key -> (cell, row number)."""
    ws = wb[meta[f"table.{tid}.sheet"]]
    cols = [(r["key"], r["column"]) for r in registry if r["table"] == tid]
    rows = []
    for n in range(int(meta[f"table.{tid}.first_row"]), int(meta[f"table.{tid}.last_row"]) + 1):
        rows.append({k: ws[f"{c}{n}"] for k, c in cols} | {"_row": n})
    return ws, dict(cols), rows


def prose_number(s):
    return float(s.replace(",", "."))


# --- the achievement rule, written again from docs/xlsx-schema.md -------------------------
def ratio(t, v, direction, bound):
    num = isinstance(t, (int, float)) and isinstance(v, (int, float))
    if num and t > 0 and direction in ("≥", ">") and not bound:
        return v / t
    return ""


def verdict(t, v, direction, fallback):
    if isinstance(t, (int, float)) and isinstance(v, (int, float)):
        ok = {"≥": v >= t, ">": v > t, "≤": v <= t, "<": v < t}.get(direction, False)
        return "Đạt" if ok else "Chưa đạt"
    return fallback


def check_workbook(name, path, figs, has_tasks):
    wbf = openpyxl.load_workbook(path)                  # formulas
    wbv = openpyxl.load_workbook(path, data_only=True)  # cached values
    meta, registry = xc.read_meta(wbv)
    check(meta.get("schema.name") == "vnplan.bao-cao", f"{name}: schema.name {meta.get('schema.name')}")
    check(re.fullmatch(r"2\.\d+", str(meta.get("schema.version"))) is not None, f"{name}: schema.version")
    check(meta.get("report.period") == name.rsplit("-bao-cao-", 1)[1], f"{name}: report.period {meta.get('report.period')}")
    check(wbv["_meta"].sheet_state == "hidden", f"{name}: _meta not hidden")
    check(xc.recompute_hash(wbv, meta, registry) == meta.get("content.hash"), f"{name}: content hash differs")
    tables = meta.get("tables", "").split(",")
    check(tables[0] == "figures" and ("tasks" in tables) == has_tasks and "indicators" in tables,
          f"{name}: tables {tables}")

    # 1. Every number stated in the PDF prose equals the summary value with the same key.
    _, _, frows = table(wbv, meta, registry, "figures")
    # People first: the machine columns (keys, English codes) are hidden on every sheet.
    machine = [r for r in registry if r["role"] == "machine"]
    check(machine, f"{name}: no machine column in the registry")
    for r in machine:
        ws = wbv[meta[f"table.{r['table']}.sheet"]]
        check(ws.column_dimensions[r["column"]].hidden, f"{name}: machine column {r['key']} ({r['column']}) visible")
    values = {r["figure.key"].value: r["figure.value"] for r in frows}
    expected = (TASK_KEYS if has_tasks else []) + INDICATOR_KEYS
    check(list(values) == expected, f"{name}: figure keys {list(values)}")
    check(set(figs) == set(expected), f"{name}: prose figures {sorted(figs)}")
    for key, stated in figs.items():
        cell = values.get(key)
        if cell is None:
            check(False, f"{name}: {key} stated in the PDF ({stated}) but not in the XLSX")
            continue
        if key.endswith("_pct"):
            check(cell.number_format.endswith("%"), f"{name}: {key} format {cell.number_format}")
            check(abs(round(cell.value * 100, 1) - prose_number(stated)) < 1e-9,
                  f"{name}: {key} PDF {stated}% vs XLSX {cell.value}")
        else:
            check(isinstance(cell.value, (int, float)) and cell.value == int(stated),
                  f"{name}: {key} PDF {stated} vs XLSX {cell.value}")
    num = {k: c.value for k, c in values.items()}

    summary = wbf[meta["table.figures.sheet"]]
    check(meta.get("report.summary.sheet") == summary.title, f"{name}: report.summary.sheet")
    check(summary.page_setup.orientation == "landscape" and str(summary.page_setup.paperSize) == "9",
          f"{name}: summary print setup")
    if has_tasks:
        # The per-group table: groups sum to the total row, which equals the figures.
        h, f, l = (int(meta[f"report.groups.{k}"]) for k in ("header_row", "first_row", "last_row"))
        # Column D holds the figures' keys (hidden): the group table skips it.
        gcols = [1, 2, 3] + list(range(5, 16))
        heads = [summary.cell(h, c).value for c in gcols]
        check(heads[2] == "Tổng số" and heads[3] == "Hoàn thành" and heads[-1] == "Tỷ lệ hoàn thành",
              f"{name}: group headers {heads}")
        check(summary.column_dimensions["D"].hidden, f"{name}: the key column D is not hidden")
        check(all(summary.cell(r, 4).value is None for r in range(h, l + 1)), f"{name}: group table writes in D")
        total = [summary.cell(l, c).value for c in gcols[2:]]
        for c, key in [(0, "tasks.total"), (1, "tasks.done"), (2, "tasks.done_on_time"), (3, "tasks.done_late"),
                       (4, "tasks.in_progress"), (5, "tasks.not_started"), (6, "tasks.overdue"),
                       (7, "tasks.recurring"), (8, "tasks.waiting"), (9, "tasks.stopped"), (10, "tasks.not_reported")]:
            check(total[c] == num[key], f"{name}: total row {heads[c + 2]} {total[c]} vs {key} {num[key]}")
            s = sum(summary.cell(r, gcols[c + 2]).value for r in range(f, l))
            check(s == total[c], f"{name}: groups of {heads[c + 2]} sum to {s}, total row {total[c]}")
        check(not any(re.fullmatch(r"[IVXL]+\.", str(summary.cell(r, 1).value)) for r in range(f, l)),
              f"{name}: group numbers written like headings")
        check(abs(total[11] - num["tasks.done_pct"]) < 1e-12, f"{name}: total done share")
        # 2. A native chart: stacked columns, one series per status, categories = the groups.
        with zipfile.ZipFile(path) as z:
            charts = [n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
            check(len(charts) == 1, f"{name}: charts {charts}")
            xml = z.read(charts[0]).decode("utf-8") if charts else ""
        check("<c:barChart>" in xml and '<c:barDir val="col"/>' in xml and '<c:grouping val="stacked"/>' in xml,
              f"{name}: chart is not a stacked column chart")
        # The legend lists only the statuses that occur.
        occurring = sum(1 for k in ["tasks.done", "tasks.in_progress", "tasks.not_started", "tasks.overdue",
                                    "tasks.recurring", "tasks.waiting", "tasks.stopped", "tasks.not_reported"] if num[k])
        check(xml.count("<c:ser>") == occurring, f"{name}: chart series {xml.count('<c:ser>')} for {occurring} statuses")
        check(f"$A${f}:$A${l - 1}" in xml, f"{name}: chart categories")
        check(len(summary._charts) == 1, f"{name}: openpyxl sees {len(summary._charts)} charts")

        # 3. The task sheet: statuses from the list, validated, coloured.
        wst, tcols, trows = table(wbv, meta, registry, "tasks")
        items = [r for r in trows if r["task.row"].value == "item"]
        col = tcols["task.status"]
        labels = [wbv["_meta"][f"L{i}"].value for i in range(2, 11)]
        check(labels == STATUS_LABELS, f"{name}: status list {labels}")
        check(meta.get("task.status.labels") == "_meta!$L$2:$L$10", f"{name}: task.status.labels")
        for r in items:
            check(r["task.status"].value in STATUS_LABELS, f"{name}: status {r['task.status'].value!r}")
        counts = {s: sum(1 for r in items if r["task.status"].value == s) for s in STATUS_LABELS}
        check(counts["Quá hạn"] == num["tasks.overdue"], f"{name}: overdue rows {counts['Quá hạn']}")
        check(counts["Hoàn thành đúng hạn"] == num["tasks.done_on_time"], f"{name}: done on time rows")
        check(len(items) == num["tasks.total"], f"{name}: {len(items)} task rows")
        for r in items:
            d = r["task.completed"]
            if d.value is not None:
                check(isinstance(d.value, datetime.datetime) and d.number_format == "dd/mm/yyyy",
                      f"{name}: completion date {d.coordinate} {d.value!r} {d.number_format}")
        wsf = wbf[wst.title]
        dvs = [dv for dv in wsf.data_validations.dataValidation if dv.type == "list"]
        check(all(dv.formula1 == "_meta!$L$2:$L$10" for dv in dvs) and dvs, f"{name}: validation {dvs}")
        covered = set()
        for dv in dvs:
            for rng in dv.sqref.ranges:
                for row in range(rng.min_row, rng.max_row + 1):
                    for c in range(rng.min_col, rng.max_col + 1):
                        covered.add(f"{openpyxl.utils.get_column_letter(c)}{row}")
        missing = [f"{col}{r['_row']}" for r in items if f"{col}{r['_row']}" not in covered]
        check(not missing, f"{name}: status cells without validation {missing[:5]}")
        rules = {}
        for cf in wsf.conditional_formatting:
            for rule in cf.rules:
                if rule.type == "cellIs" and rule.operator == "equal":
                    fill = rule.dxf.fill
                    colour = (fill.bgColor.rgb if fill is not None and fill.bgColor is not None else "") or ""
                    rules[rule.formula[0]] = (str(cf.sqref), colour[-6:].upper())
        body = f"{col}{int(meta['table.tasks.first_row'])}:{col}{int(meta['table.tasks.last_row'])}"
        for label, colour in [("Quá hạn", "FFC7CE"), ("Hoàn thành đúng hạn", "C6EFCE"), ("Hoàn thành chậm", "C6EFCE")]:
            got = rules.get(f'"{label}"')
            check(got == (body, colour), f"{name}: conditional format for {label}: {got}")

    # 4. The indicator sheet: achievement recomputed from the target and value columns.
    wsi, icols, irows = table(wbv, meta, registry, "indicators")
    wsf = wbf[wsi.title]
    verdict_counts = {}
    for r in irows:
        if r["indicator.row"].value != "item":
            continue
        n = r["_row"]
        t, v = r["indicator.target.number"].value, r["indicator.value.number"].value
        d, b = r["indicator.direction"].value, r["indicator.value.bound"].value
        kind = r["indicator.kind"].value
        fr = wsf[f"{icols['indicator.ratio']}{n}"].value
        fv = wsf[f"{icols['indicator.verdict']}{n}"].value
        check(isinstance(fr, str) and fr.startswith("=IF(") and isinstance(fv, str) and fv.startswith("=IF("),
              f"{name}: row {n}: achievement cells are not formulas")
        m = re.search(r',"([^"]*)"\)$', fv or "")
        fallback = m.group(1) if m else None
        cached_ratio = r["indicator.ratio"].value
        want = ratio(t, v, d, b)
        if want == "":
            check(cached_ratio in ("", None), f"{name}: row {n}: ratio cached {cached_ratio!r}, expected none")
        else:
            check(isinstance(cached_ratio, (int, float)) and abs(cached_ratio - want) < 1e-12,
                  f"{name}: row {n}: ratio cached {cached_ratio!r}, recomputed {want}")
            check(r["indicator.ratio"].number_format == "0.0%", f"{name}: row {n}: ratio format")
        cached_verdict = r["indicator.verdict"].value
        check(cached_verdict == verdict(t, v, d, fallback),
              f"{name}: row {n}: verdict cached {cached_verdict!r}, recomputed {verdict(t, v, d, fallback)!r}")
        check(cached_verdict in VERDICTS.get(kind, set()), f"{name}: row {n}: verdict {cached_verdict!r} for {kind}")
        check((kind == "numeric") == (isinstance(t, (int, float)) and isinstance(v, (int, float))),
              f"{name}: row {n}: kind {kind} with numbers {t!r}, {v!r}")
        verdict_counts[cached_verdict] = verdict_counts.get(cached_verdict, 0) + 1
    for label, key in [("Đạt", "indicators.met"), ("Chưa đạt", "indicators.not_met"),
                       ("Chưa so sánh được", "indicators.not_comparable"), ("Chưa có số liệu", "indicators.no_data")]:
        check(verdict_counts.get(label, 0) == num[key], f"{name}: {verdict_counts.get(label, 0)} rows {label}, {key} {num[key]}")


with tempfile.TemporaryDirectory() as tmp:
    out1, out2, lo = (os.path.join(tmp, d) for d in ("a", "b", "lo"))
    os.makedirs(lo)
    for plan in PLANS:
        for period in PERIODS:
            name = f"{plan}-bao-cao-{period}"
            r = report(plan, period, out1)
            check(r.returncode == 0, f"{name}: report failed: {r.stderr}")
            xlsx, pdf = (os.path.join(out1, plan, name + ext) for ext in (".xlsx", ".pdf"))
            if not (os.path.exists(xlsx) and os.path.exists(pdf)):
                check(False, f"{name}: no XLSX or PDF")
                continue
            rc, text, _ = pc.pdftotext(pdf)
            check(rc == 0, f"{name}: pdftotext failed")
            try:
                check_workbook(name, xlsx, {k: v for k, v in pc.prose_figures(text).items() if not k.endswith(".sentence")},
                               plan != "dang-uy-dinh-hoa")
            except Exception as e:  # a reading error is a failure of this workbook, not of the run
                check(False, f"{name}: {type(e).__name__}: {e}")
            # Same input, same bytes.
            r = report(plan, period, out2)
            check(r.returncode == 0 and open(xlsx, "rb").read() == open(os.path.join(out2, plan, name + ".xlsx"), "rb").read(),
                  f"{name}: a second run gives different bytes")
            # LibreOffice opens and converts it.
            ok, conv, log = xc.soffice_convert(xlsx, lo)
            check(ok, f"{name}: LibreOffice conversion failed: {log[-300:]}")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("ok")
