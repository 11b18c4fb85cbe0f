"""End-to-end checks of the seed plans' appendix workbooks with independent readers.

`vnplan build` writes OUT/<plan>/<plan>-phu-luc.xlsx; openpyxl reads it back and every check
compares with the plan YAML read here with PyYAML (not through vnplan): sheets, heading lines,
headers, column keys and defined names, row counts, sampled values and their types and number
formats, merged group rows, freeze panes, autofilter, print setup, the hidden _meta sheet and
its content hash (recomputed from the cells). LibreOffice must convert each workbook to PDF.

Usage: test_xlsx_seeds.py VNPLAN SOURCE_DIR
"""
import os
import re
import sys
import tempfile

import openpyxl

sys.path.insert(0, os.path.dirname(__file__))
import xlsxcheck as xc  # noqa: E402

VNPLAN, SRC = sys.argv[1], sys.argv[2]
SEEDS = ["dinh-hoa", "binh-giang", "dang-uy-dinh-hoa"]
TYPE_NAMES = {"KH": "Kế hoạch", "BC": "Báo cáo"}
failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL:", msg)


def printed_number(number):
    """A document number as the link line prints it: below 10 with a leading zero."""
    return "0" + number if len(number) == 1 and number in "123456789" else number


def expected_target(raw):
    """(value, number format must contain '%') as the workbook must hold a target."""
    s = xc.text(raw)
    n = xc.numeric_target(s)
    if n is None:
        return (s or None), None
    return n[0], n[1]


def item_cell(plan, table, item, key):
    """The value a plan column shows for an item, from the YAML."""
    if key in ("lead", "partners"):
        return xc.agency_names(plan, item.get(key)) or None
    if table == "indicators" and key == "target" and item.get("target") is None and item.get("targets"):
        return "\n".join(f"{y}: {xc.text(v)}" for y, v in sorted(item["targets"].items())), None
    if table == "indicators" and key.startswith("target"):
        raw = item.get("target") if key == "target" else (item.get("targets") or {}).get(int(key[7:]))
        return expected_target(raw)
    return xc.text(item.get(key)) or None


def check_sheet(name, plan, table, ap, ws, meta, registry, wb):
    prefix = {"indicators": "indicator", "tasks": "task"}[table]
    cols = ap["columns"]
    printed = len(cols)
    doc = plan["document"]
    # Heading: label, title (upper case), link line built from the document.
    check(ws["A1"].value == xc.text(ap["label"]), f"{name}: label {ws['A1'].value!r}")
    check(ws["A2"].value == xc.text(ap["title"]).upper(), f"{name}: title {ws['A2'].value!r}")
    link = ws["A3"].value or ""
    of = xc.text(ap.get("link_of")) or xc.text(doc["issuer"]["short_name"])
    check(link.startswith("(" + xc.text(ap.get("link", "Ban hành kèm theo")) + " " + TYPE_NAMES[doc["type"]] + " số "),
          f"{name}: link line {link!r}")
    check(link.endswith(" của " + of + ")"), f"{name}: link line must end with the issuer: {link!r}")
    number = printed_number(xc.text(doc.get("number")))
    sym = doc["issuer"]["symbol"]
    if doc["family"] == "party":
        check(f"{number}-{doc['type']}/{sym}, ngày " in link, f"{name}: party link {link!r}")
        d = doc["date"]
        check(f"ngày {d['day']:02d} tháng {d['month']:02d} năm {d['year']}" in link, f"{name}: party date {link!r}")
    else:
        check(f"/{doc['type']}-{sym} ngày " in link, f"{name}: state link {link!r}")
        if not number:
            check(re.search(r"số {3,}/", link) is not None, f"{name}: blank number kept as blanks: {link!r}")
        year = (doc.get("date") or {}).get("year")
        check(f"/{year} của" in link, f"{name}: year in link {link!r}")
    merged = {str(r) for r in ws.merged_cells.ranges}
    last_col = openpyxl.utils.get_column_letter(printed)
    for r in (1, 2, 3):
        check(f"A{r}:{last_col}{r}" in merged, f"{name}: heading row {r} not merged across the table ({merged})")
        check(ws[f"A{r}"].font.name == "Times New Roman", f"{name}: heading font {ws[f'A{r}'].font.name}")
    check(ws["A1"].font.b and ws["A2"].font.b and ws["A3"].font.i, f"{name}: heading styles")

    # Header row: the plan's headers, bold, bordered; then the machine columns.
    headers = [c.value for c in ws[5]]
    check(headers[:printed] == [xc.text(c["header"]) for c in cols], f"{name}: headers {headers[:printed]}")
    for c in range(1, printed + 1):
        cell = ws.cell(5, c)
        check(cell.font.b and cell.border.top.style == "thin" and cell.alignment.wrap_text,
              f"{name}: header {cell.coordinate} not bold/bordered/wrapped")
    keys = [r["key"] for r in registry if r["table"] == table]
    want_keys = [prefix + "." + c["key"].replace(":", ".") for c in cols]
    check(keys[:printed] == want_keys, f"{name}: keys {keys[:printed]} != {want_keys}")
    machine = {"indicators": ["row", "group", "lead.codes", "partners.codes", "key"],
               "tasks": ["row", "group", "lead.codes", "partners.codes", "deadline.kind", "deadline.year",
                         "deadline.quarter", "deadline.month", "deadline.due", "key"]}[table]
    check(keys[printed:] == [f"{prefix}.{m}" for m in machine], f"{name}: machine keys {keys[printed:]}")
    check(len(headers) == len(keys), f"{name}: {len(headers)} header cells, {len(keys)} keys")
    col_of = {k: i + 1 for i, k in enumerate(keys)}

    # Rows: one per group and item, in order.
    groups = ap["groups"]
    n_items = sum(len(g.get("items") or []) for g in groups)
    first, last = 6, 5 + len(groups) + n_items
    check(meta[f"table.{table}.first_row"] == first and meta[f"table.{table}.last_row"] == last,
          f"{name}: rows {meta[f'table.{table}.first_row']}..{meta[f'table.{table}.last_row']} != {first}..{last}")
    check(meta[f"table.{table}.items"] == n_items and meta[f"table.{table}.groups"] == len(groups),
          f"{name}: counts in _meta")
    check(ws.max_row == last, f"{name}: max_row {ws.max_row} != {last}")

    # Defined names: each key names its body cells.
    dn = {d.name: d.attr_text for d in wb.defined_names.definedName}
    for k in keys:
        col = openpyxl.utils.get_column_letter(col_of[k])
        want = f"'{ws.title}'!${col}${first}:${col}${last}"
        check(dn.get(k) == want, f"{name}: defined name {k} = {dn.get(k)!r}, want {want!r}")

    r = first
    samples = 0
    for g in groups:
        # Group row: number in TT, title merged across the rest, bold.
        gnum, gtitle = xc.text(g.get("number")), xc.text(g["title"])
        if cols[0]["key"] == "number":
            check(ws.cell(r, 1).value == (gnum or None), f"{name} r{r}: group number {ws.cell(r, 1).value!r}")
            check(ws.cell(r, 2).value == gtitle, f"{name} r{r}: group title {ws.cell(r, 2).value!r}")
            check(f"B{r}:{last_col}{r}" in merged, f"{name} r{r}: group row not merged B:{last_col}")
            check(ws.cell(r, 2).font.b, f"{name} r{r}: group title not bold")
        check(ws.cell(r, col_of[prefix + ".row"]).value == "group", f"{name} r{r}: row kind")
        r += 1
        for item in g.get("items") or []:
            check(ws.cell(r, col_of[prefix + ".row"]).value == "item", f"{name} r{r}: row kind")
            check(ws.cell(r, col_of[prefix + ".group"]).value == (gnum or None), f"{name} r{r}: group key")
            for ci, c in enumerate(cols, start=1):
                cell = ws.cell(r, ci)
                want = item_cell(plan, table, item, c["key"])
                if isinstance(want, tuple):  # a target: value and percent flag
                    value, pct = want
                    check(cell.value == value or (isinstance(value, float) and abs((cell.value or 0) - value) < 1e-12),
                          f"{name} {cell.coordinate}: {cell.value!r} != {value!r}")
                    if pct is not None:
                        check(cell.data_type == "n", f"{name} {cell.coordinate}: number stored as {cell.data_type}")
                        check(("%" in cell.number_format) == pct,
                              f"{name} {cell.coordinate}: format {cell.number_format!r} for {value}")
                    elif value is not None:
                        check(cell.data_type == "s", f"{name} {cell.coordinate}: text stored as {cell.data_type}")
                else:
                    check(cell.value == want, f"{name} {cell.coordinate}: {cell.value!r} != {want!r}")
                    if want is not None:
                        check(cell.data_type == "s", f"{name} {cell.coordinate}: text stored as {cell.data_type}")
                check(cell.font.name == "Times New Roman" and cell.border.left.style == "thin",
                      f"{name} {cell.coordinate}: font/border")
                samples += 1
            codes = ws.cell(r, col_of[prefix + ".lead.codes"]).value
            row_key = ws.cell(r, col_of[prefix + ".key"]).value
            check(row_key == xc.text(item["number"]), f"{name} r{r}: row key {row_key!r}")  # seeds number straight through
            check((codes or "") == xc.agency_codes(item.get("lead")), f"{name} r{r}: lead codes {codes!r}")
            if table == "tasks" and item.get("deadline"):
                kind = ws.cell(r, col_of["task.deadline.kind"]).value
                check(kind in ("exact", "recurring", "conditional", "combined", "unknown"), f"{name} r{r}: kind {kind}")
                dl = xc.text(item["deadline"])
                m = re.fullmatch(r"(?:Tháng\s+)?(\d{1,2})/(\d{4})", dl)
                if m:  # a month deadline: parsed columns and the last day
                    mo, yr = int(m.group(1)), int(m.group(2))
                    check(kind == "exact" and ws.cell(r, col_of["task.deadline.year"]).value == yr and
                          ws.cell(r, col_of["task.deadline.month"]).value == mo and
                          ws.cell(r, col_of["task.deadline.quarter"]).value == (mo + 2) // 3,
                          f"{name} r{r}: deadline {dl!r} parsed columns")
                    due = ws.cell(r, col_of["task.deadline.due"])
                    check(due.is_date and due.value.year == yr and due.value.month == mo,
                          f"{name} r{r}: due date {due.value!r}")
            r += 1
    print(f"{name}: {samples} cells compared with the YAML")

    # Reading and printing setup.
    check(ws.freeze_panes == "A6", f"{name}: freeze panes {ws.freeze_panes}")
    last_all = openpyxl.utils.get_column_letter(len(keys))
    check(ws.auto_filter.ref == f"A5:{last_all}{last}", f"{name}: autofilter {ws.auto_filter.ref}")
    check(ws.print_title_rows == "$5:$5", f"{name}: print titles {ws.print_title_rows}")
    pa = ws.print_area if isinstance(ws.print_area, str) else ",".join(ws.print_area or [])
    check(pa.endswith(f"$A$1:${last_col}${last}"), f"{name}: print area {pa}")
    ps = ws.page_setup
    check(ps.orientation == "landscape" and str(ps.paperSize) == "9", f"{name}: page {ps.orientation} {ps.paperSize}")
    # fitToWidth absent means 1 (the OOXML default); fitToHeight 0 means "as many pages as needed".
    check(ws.sheet_properties.pageSetUpPr.fitToPage and ps.fitToWidth in (None, 1, "1") and ps.fitToHeight in (0, "0"),
          f"{name}: fit to page width ({ps.fitToWidth}x{ps.fitToHeight})")
    m = ws.page_margins
    check(all(0.4 <= x <= 1.0 for x in (m.left, m.right, m.top, m.bottom)), f"{name}: margins {m.left} {m.top}")
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, printed + 1)]
    check(all(w and w >= 3 for w in widths) and 110 <= sum(widths) <= 170, f"{name}: column widths {widths}")
    for rr in range(first, last + 1):
        check(ws.row_dimensions[rr].height and ws.row_dimensions[rr].height >= 15, f"{name} r{rr}: row height")


with tempfile.TemporaryDirectory() as out:
    res = xc.build(VNPLAN, [os.path.join(SRC, "inputs", p) for p in SEEDS], out)
    check(res.returncode == 0, f"vnplan build failed: {res.stderr}")
    for plan_id in SEEDS:
        path = os.path.join(out, plan_id, plan_id + "-phu-luc.xlsx")
        check(os.path.exists(path), f"{plan_id}: no workbook")
        if not os.path.exists(path):
            continue
        plan = xc.load_yaml(os.path.join(SRC, "inputs", plan_id, "plan.yaml"))
        doc = plan["document"]
        wb = openpyxl.load_workbook(path)
        meta, registry = xc.read_meta(wb)
        tables = [t for t in ("indicators", "tasks") if plan.get(t)]

        # Sheets: one per appendix, named by its label, then the hidden _meta.
        want_sheets = [xc.text(plan[t]["label"]).strip() for t in tables] + ["_meta"]
        check(wb.sheetnames == want_sheets, f"{plan_id}: sheets {wb.sheetnames} != {want_sheets}")
        check(wb["_meta"].sheet_state == "hidden", f"{plan_id}: _meta is {wb['_meta'].sheet_state}")
        check(all(wb[s].sheet_state == "visible" for s in want_sheets[:-1]), f"{plan_id}: appendix sheet hidden")

        # _meta equals what the YAML says.
        date = doc.get("date") or {}
        iso = "-".join(f"{v:02d}" if i else f"{v:04d}" for i, v in
                       enumerate([date.get("year"), date.get("month"), date.get("day")]) if v)
        want = {
            "schema.name": "vnplan.phu-luc", "schema.version": "1.0", "generator.name": "vnplan",
            "plan.id": plan_id,
            "issuer.code": xc.text(doc["issuer"]["symbol"]),
            "issuer.short_name": xc.text(doc["issuer"]["short_name"]),
            "issuer.name": " ".join(xc.text(x) for x in xc.as_list(doc["issuer"]["name"])),
            "issuer.parent": xc.text(doc["issuer"].get("parent")) or None,
            "document.family": doc["family"], "document.type": doc["type"],
            "document.number": xc.text(doc.get("number")) or None,
            "document.date": iso or None,
            "document.date.year": date.get("year"), "document.date.month": date.get("month"),
            "document.date.day": date.get("day"),
            "document.title": xc.text(doc["title"]),
            "tables": ",".join(tables),
            "content.hash.algorithm": "sha256",
        }
        for k, v in want.items():
            check(meta.get(k) == v, f"{plan_id}: _meta {k} = {meta.get(k)!r}, want {v!r}")
        check(bool(meta.get("generator.version")), f"{plan_id}: no generator.version")
        check(meta.get("created", "").endswith("T00:00:00Z"), f"{plan_id}: created {meta.get('created')}")
        for t, s in zip(tables, want_sheets):
            check(meta.get(f"table.{t}.sheet") == s, f"{plan_id}: table.{t}.sheet")
            check(meta.get(f"table.{t}.header_row") == 5, f"{plan_id}: table.{t}.header_row")
        h = xc.recompute_hash(wb, meta, registry)
        check(meta.get("content.hash") == h, f"{plan_id}: content hash {meta.get('content.hash')} != recomputed {h}")
        props = wb.properties
        check(props.keywords and "vnplan.phu-luc" in props.keywords, f"{plan_id}: keywords {props.keywords!r}")
        number = printed_number(xc.text(doc.get("number")))
        sym = f"{number}-{doc['type']}/{doc['issuer']['symbol']}" if doc["family"] == "party" else \
            f"{number}/{doc['type']}-{doc['issuer']['symbol']}"
        want_title = TYPE_NAMES[doc["type"]] + (f" số {sym}" if number else "") + ": " + xc.text(doc["title"])
        check(props.title == want_title, f"{plan_id}: document title {props.title!r}, want {want_title!r}")
        check(props.creator == xc.text(doc["issuer"]["short_name"]), f"{plan_id}: author {props.creator!r}")
        check(props.created is not None and props.created.strftime("%Y-%m-%dT%H:%M:%SZ") == meta.get("created"),
              f"{plan_id}: core created {props.created} != _meta created {meta.get('created')}")

        for t, s in zip(tables, want_sheets):
            check_sheet(f"{plan_id}/{s}", plan, t, plan[t], wb[s], meta, registry, wb)

        # LibreOffice converts the workbook without error.
        with tempfile.TemporaryDirectory() as pdfdir:
            ok, pdf, log = xc.soffice_convert(path, pdfdir)
            check(ok, f"{plan_id}: LibreOffice conversion failed: {log[-500:]}")
            if ok:
                with open(pdf, "rb") as f:
                    check(f.read(5) == b"%PDF-", f"{plan_id}: converted file is not a PDF")
                print(f"{plan_id}: LibreOffice converted to {os.path.getsize(pdf)} bytes of PDF")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("OK")
