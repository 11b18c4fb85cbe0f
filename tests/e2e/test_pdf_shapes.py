"""End-to-end checks of the synthetic plans of issue #12 (tests/data/plans/shapes,
keep-chain, long-rows): the shapes the seeds do not show, and page breaking.

Usage: test_pdf_shapes.py VNPLAN SOURCE_DIR
"""
import collections
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import fitz  # noqa: E402
import openpyxl  # noqa: E402
import pdfcheck as pc  # noqa: E402
import xlsxcheck as xc  # noqa: E402

VNPLAN, SRC = sys.argv[1], sys.argv[2]
PLANS = ["shapes", "keep-chain", "long-rows"]
failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL:", msg)


def strings(v):
    """Every text of a loaded plan (keys of one-entry maps such as "Lưu: VT" included);
    agency codes print as names, a column group once over its columns."""
    if isinstance(v, dict):
        if isinstance(v.get("columns"), list):
            yield from dict.fromkeys(c["group"] for c in v["columns"] if isinstance(c, dict) and c.get("group"))
        for k, x in v.items():
            if k in ("key", "width", "code", "family", "type", "status", "link_date", "symbol", "date", "agencies",
                     "short_name"):
                continue
            if k in ("lead", "partners"):
                x = [e for e in xc.as_list(x) if not xc.AGENCY_CODE.match(str(e))]
            if k == "columns":
                x = [{kk: vv for kk, vv in c.items() if kk != "group"} for c in x]
            if isinstance(x, (str, int)) and isinstance(k, str) and k[:1].isupper():
                yield f"{k}: {x}"
            else:
                yield from strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)
    elif isinstance(v, str):
        yield v


def header_rows_on_page(page, top_headers, bottom_headers):
    """Whether both header rows are at the top of the table on this page: every spanning
    group header above every grouped column header."""
    sp = pc.spans(page)
    tops = [s for s in sp if s["text"].strip() in top_headers and pc.is_bold(s)]
    bottoms = [s for s in sp if s["text"].strip() in bottom_headers and pc.is_bold(s)]
    if len(tops) < len(top_headers) or len(bottoms) < len(bottom_headers):
        return False
    return max(s["bbox"][3] for s in tops) <= min(s["bbox"][1] for s in bottoms) + 1


with tempfile.TemporaryDirectory() as out:
    dirs = [os.path.join(SRC, "tests", "data", "plans", p) for p in PLANS]
    r = subprocess.run([VNPLAN, "validate", *dirs], capture_output=True, text=True)
    check(r.returncode == 0, f"vnplan validate failed: {r.stdout}{r.stderr}")
    r = subprocess.run([VNPLAN, "build", *dirs, "-o", out], capture_output=True, text=True)
    check(r.returncode == 0, f"vnplan build failed: {r.stderr}")
    for plan, d in zip(PLANS, dirs):
        pdf = os.path.join(out, plan, plan + ".pdf")
        if not os.path.exists(pdf):
            check(False, f"{plan}: no PDF")
            continue
        data = xc.load_yaml(os.path.join(d, "plan.yaml"))
        rc, text, err = pc.pdftotext(pdf)
        check(rc == 0 and err.strip() == "", f"{plan}: pdftotext warnings: {err[:300]}")
        want = collections.Counter(pc.words(" ".join(strings(data))))
        got = collections.Counter(pc.words(text))
        missing = {w: c - got[w] for w, c in want.items() if got[w] < c}
        cov = 1 - sum(missing.values()) / max(1, sum(want.values()))
        print(f"{plan}: word coverage {cov:.2%}")
        check(cov >= 0.99, f"{plan}: coverage {cov:.2%}; missing {list(missing.items())[:20]}")
        if missing:
            print(f"{plan}: missing {list(missing.items())[:10]}")
        ok, rows, bad = pc.fonts_ok(pdf)
        check(ok, f"{plan}: fonts not all emb/sub/uni: {bad or rows}")
        q = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
        check(q.returncode == 0, f"{plan}: qpdf --check: {q.stdout[-300:]}")
        doc = fitz.open(pdf)
        pc.check_pages(doc, False, plan, check)
        fills = pc.check_fill(doc, plan, check)
        print(f"{plan}: {len(doc)} pages, fill {' '.join(f'{f:.2f}' for f in fills)}")

        if plan == "shapes":
            # Numbered paragraphs: body text in regular weight, first-line indent.
            for number in ("1.1.", "1.2.", "1.3."):
                sp = [s for p in doc for s in pc.spans(p) if s["text"].startswith(number + " ")]
                check(len(sp) == 1, f"shapes: numbered paragraph {number} not found as one span start")
                for s in sp:
                    check(not pc.is_bold(s) and not pc.is_italic(s), f"shapes: {number} not regular ({s['font']})")
                    check(abs(s["bbox"][0] - (30 * pc.MM + 10 * pc.MM)) < 3 * pc.MM,
                          f"shapes: {number} not first-line indented (x={s['bbox'][0]:.1f})")
            # Headings stay bold.
            h = [s for p in doc for s in pc.spans(p) if s["text"].startswith("III. ")]
            check(len(h) == 1 and pc.is_bold(h[0]), "shapes: heading III. not bold")
            # Link lines: the long form in Phụ lục I, the short form in Phụ lục II.
            flat = " ".join(text.split())
            check("(Kèm theo Kế hoạch số 41/KH-UBND ngày 03 tháng 10 năm 2025 của UBND xã Tân Lập)" in flat,
                  "shapes: long link line missing")
            check("(Kèm theo Kế hoạch số 41/KH-UBND ngày 03/10/2025 của UBND xã Tân Lập)" in flat,
                  "shapes: short link line missing")
            # Both header rows on every page of the indicators appendix.
            ind_pages = [p for p in doc if p.rect.width > p.rect.height and "Năm 2030" in p.get_text()]
            check(len(ind_pages) >= 1, "shapes: no indicator appendix page")
            for p in ind_pages:
                check(header_rows_on_page(p, {"Mục tiêu theo giai đoạn"}, {"Năm 2025", "Năm 2030", "Năm 2035"}),
                      f"shapes p{p.number + 1}: the two header rows are not both there, group above years")
                # Ungrouped headers span both rows: vertically between the two rows.
                sp = pc.spans(p)
                tt = [s for s in sp if s["text"].strip() == "Chỉ tiêu" and pc.is_bold(s)]
                grp = [s for s in sp if s["text"].strip() == "Mục tiêu theo giai đoạn"]
                yrs = [s for s in sp if s["text"].strip() == "Năm 2025"]
                if tt and grp and yrs:
                    mid = (tt[0]["bbox"][1] + tt[0]["bbox"][3]) / 2
                    check(grp[0]["bbox"][3] - 2 <= mid <= yrs[0]["bbox"][1] + 2,
                          f"shapes: ungrouped header not centred over both rows ({mid:.1f})")
            # Workbook: merged header cells, row keys qualified by group.
            wb = openpyxl.load_workbook(os.path.join(out, plan, plan + "-phu-luc.xlsx"))
            meta, registry = xc.read_meta(wb)
            ws = wb[meta["table.indicators.sheet"]]
            grow, hrow = int(meta.get("table.indicators.group_row") or 0), int(meta["table.indicators.header_row"])
            check(grow == hrow - 1, f"shapes xlsx: group_row {grow} header_row {hrow}")
            merged = {str(m) for m in ws.merged_cells.ranges}
            check(f"D{grow}:F{grow}" in merged and ws[f"D{grow}"].value == "Mục tiêu theo giai đoạn",
                  f"shapes xlsx: no merged group header D{grow}:F{grow} ({sorted(merged)})")
            for col, head in (("A", "TT"), ("B", "Chỉ tiêu"), ("C", "Đơn vị tính"), ("G", "Cơ quan chủ trì")):
                check(f"{col}{grow}:{col}{hrow}" in merged and ws[f"{col}{grow}"].value == head,
                      f"shapes xlsx: header {head} not merged over both rows")
            check([ws[f"{c}{hrow}"].value for c in "DEF"] == ["Năm 2025", "Năm 2030", "Năm 2035"],
                  "shapes xlsx: year headers")
            check(ws.print_title_rows == f"${grow}:${hrow}", f"shapes xlsx: print titles {ws.print_title_rows}")
            link = ws["A3"].value
            check(link == "(Kèm theo Kế hoạch số 41/KH-UBND ngày 03 tháng 10 năm 2025 của UBND xã Tân Lập)",
                  f"shapes xlsx: link line {link!r}")
            for tid in ("indicators", "tasks"):
                wt = wb[meta[f"table.{tid}.sheet"]]
                keys = [rr["key"] for rr in registry if rr["table"] == tid]
                col = keys.index(("indicator" if tid == "indicators" else "task") + ".key") + 1
                row_col = keys.index(("indicator" if tid == "indicators" else "task") + ".row") + 1
                got_keys = [wt.cell(rr, col).value for rr in range(int(meta[f"table.{tid}.first_row"]),
                                                                    int(meta[f"table.{tid}.last_row"]) + 1)
                            if wt.cell(rr, row_col).value == "item"]
                check(got_keys == ["I.1", "I.2", "II.1", "II.2"], f"shapes xlsx {tid}: row keys {got_keys}")
            check(xc.recompute_hash(wb, meta, registry) == meta["content.hash"], "shapes xlsx: content hash")

        if plan == "long-rows":
            # Rows continue across pages: the header repeats on every appendix page, and at
            # least one row's text starts on one page and ends on the next.
            app = [p for p in doc if p.rect.width > p.rect.height]
            check(len(app) >= 3, f"long-rows: {len(app)} appendix pages")
            for p in app:
                check("Nội dung nhiệm vụ" in p.get_text(), f"long-rows p{p.number + 1}: header not repeated")
                check(header_rows_on_page(p, {"Cơ quan thực hiện"}, {"Chủ trì", "Phối hợp"}),
                      f"long-rows p{p.number + 1}: both header rows not repeated")
            continued = 0
            for p in app[1:]:
                sp = pc.spans(p)
                tt = [x for x in sp if x["text"].strip() == "TT" and pc.is_bold(x)]
                if not tt:
                    continue
                below = sorted((x for x in sp if x["bbox"][1] > tt[0]["bbox"][3] + 2), key=lambda x: x["bbox"][1])
                # The first line under the header is not in the TT column: a row continues here.
                if below and below[0]["bbox"][0] > tt[0]["bbox"][2] + 5:
                    continued += 1
            print(f"long-rows: {continued} page(s) start with a continued row")
            check(continued >= 1, "long-rows: no row continued across a page")

        if plan == "keep-chain":
            # The forty short sections start on page 1 (right after the preamble) and run on.
            first = [i for i, p in enumerate(doc) if "1. Hoàn thiện thể chế về chuyển đổi số giai đoạn 1" in
                     " ".join(p.get_text().split())]
            check(first == [0], f"keep-chain: the chain does not start on page 1 ({first})")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("all shape checks passed")
