"""Shared checks of generated PDFs with independent tools (poppler, qpdf, PyMuPDF)."""
import collections
import re
import subprocess
import unicodedata

import fitz  # PyMuPDF, Debian python3-fitz

MM = 72 / 25.4
PUNCT = ".,;:()[]{}“”\"'‘’!?…*#<>"


def words(text):
    """NFC, lower case, split on whitespace, punctuation stripped; bullets and empties dropped."""
    out = []
    for w in unicodedata.normalize("NFC", text).lower().split():
        w = w.strip(PUNCT)
        if w and w not in ("-", "–", "+"):
            out.append(w)
    return out


def clean_seed(text):
    """Removes what text extraction added to a seed: markdown, HTML tags, LaTeX maths."""
    text = re.sub(r"<sup>\d+</sup>", " ", text)
    text = re.sub(r"</?b>", " ", text)
    text = text.replace("$\\geq", "≥").replace("\\%$", "%").replace("\\%", "%").replace("$", " ")
    text = text.replace("**", " ").replace("-----", " ")
    text = re.sub(r"^#+", " ", text, flags=re.M)
    return text


def coverage(seed_text, pdf_text):
    seed = collections.Counter(words(clean_seed(seed_text)))
    out = collections.Counter(words(pdf_text))
    found = sum(min(c, out[w]) for w, c in seed.items())
    missing = {w: c - out[w] for w, c in seed.items() if out[w] < c}
    return found / max(1, sum(seed.values())), missing


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def pdftotext(path):
    r = run(["pdftotext", "-layout" if False else "-raw", path, "-"])
    return r.returncode, r.stdout, r.stderr


def fonts_ok(path):
    r = run(["pdffonts", path])
    rows = r.stdout.splitlines()[2:]
    bad = []
    for row in rows:
        cols = row.split()
        # name type... emb sub uni object gen
        emb, sub, uni = cols[-5], cols[-4], cols[-3]
        if (emb, sub, uni) != ("yes", "yes", "yes"):
            bad.append(row)
    return len(rows) > 0 and not bad, rows, bad


def spans(page):
    """Every text span of a page: (text, font, size, bbox, flags)."""
    out = []
    for b in page.get_text("dict")["blocks"]:
        for l in b.get("lines", []):
            for s in l["spans"]:
                if s["text"].strip():
                    out.append(s)
    return out


def is_bold(span):
    return "Bold" in span["font"] or "bd" in span["font"].lower()


def is_italic(span):
    return "Ital" in span["font"]  # PyMuPDF truncates long names ("…-BoldItal")


def check_pages(doc, draft, name, check):
    """Page-level rules for every page: A4, portrait body then landscape appendices, the
    draft mark on every page of a draft, page numbers centred in the top margin from page 2,
    no text outside the margins. Returns whether a landscape page was seen."""
    seen_landscape = False
    for i, page in enumerate(doc):
        w, h = page.rect.width, page.rect.height
        landscape = w > h
        if landscape:
            seen_landscape = True
        check(sorted([round(w), round(h)]) == [595, 842], f"{name} p{i+1}: not A4 ({w}x{h})")
        check(not (seen_landscape and not landscape), f"{name} p{i+1}: portrait page after an appendix")
        m = dict(top=20, bottom=20, left=20 if landscape else 30, right=15)
        sp = spans(page)
        numbers = [s for s in sp if s["text"].strip() == str(i + 1) and s["bbox"][3] < m["top"] * MM]
        marks = [s for s in sp if s["text"].strip() == "DỰ THẢO"]
        check(bool(marks) == draft, f"{name} p{i+1}: draft mark {'missing' if draft else 'present'}")
        if i == 0:
            check(not numbers, f"{name}: page 1 carries a number")
        else:
            check(len(numbers) == 1, f"{name} p{i+1}: no page number in the top margin")
            if numbers:
                n = numbers[0]
                cx = (n["bbox"][0] + n["bbox"][2]) / 2
                mid = (m["left"] * MM + w - m["right"] * MM) / 2
                check(abs(cx - mid) < 2, f"{name} p{i+1}: page number not centred ({cx} vs {mid})")
                check(12.9 <= n["size"] <= 14.1 and not is_bold(n), f"{name} p{i+1}: page number style")
        for s in sp:
            if s in numbers or s in marks:
                continue
            x0, y0, x1, y1 = s["bbox"]
            inside = (x0 >= m["left"] * MM - 0.5 and x1 <= w - m["right"] * MM + 0.5
                      and y0 >= m["top"] * MM - 3 and y1 <= h - m["bottom"] * MM + 3)
            check(inside, f"{name} p{i+1}: text outside the margins: {s['text']!r} {s['bbox']}")
    return seen_landscape


def prose_figures(text):
    """The task and indicator figures as the report's prose states them. A category with no
    task (or indicator) is left out of the sentence: its figure is 0. `tasks.sentence` and
    `indicators.sentence` hold the sentences themselves."""
    t = " ".join(text.split())
    out = {}
    m = re.search(r"Kế hoạch đề ra (\d+) nhiệm vụ\. Đến ngày [\d/]+: (.*?)\.(?: |$)", t)
    if m:
        out["tasks.total"] = m.group(1)
        sent = m.group(2)
        out["tasks.sentence"] = sent

        def num(pattern, group=1, default="0"):
            x = re.search(pattern, sent)
            return x.group(group) if x else default
        out["tasks.done"] = num(r"đã hoàn thành (\d+) nhiệm vụ")
        out["tasks.done_pct"] = num(r"đã hoàn thành \d+ nhiệm vụ \(([\d,]+)%\)")
        both = re.search(r"trong đó (\d+) nhiệm vụ hoàn thành đúng hạn và (\d+) nhiệm vụ hoàn thành chậm", sent)
        if both:
            out["tasks.done_on_time"], out["tasks.done_late"] = both.groups()
        elif "đều hoàn thành chậm" in sent:
            out["tasks.done_on_time"], out["tasks.done_late"] = "0", out["tasks.done"]
        else:
            out["tasks.done_on_time"], out["tasks.done_late"] = out["tasks.done"], "0"
        out["tasks.in_progress"] = num(r"(\d+) nhiệm vụ đang thực hiện")
        out["tasks.not_started"] = num(r"(\d+) nhiệm vụ chưa thực hiện")
        out["tasks.overdue"] = num(r"(\d+) nhiệm vụ quá hạn")
        out["tasks.overdue_pct"] = num(r"\d+ nhiệm vụ quá hạn \(([\d,]+)%\)")
        out["tasks.recurring"] = num(r"(\d+) nhiệm vụ thực hiện thường xuyên, hằng năm")
        out["tasks.waiting"] = num(r"(\d+) nhiệm vụ chờ điều kiện triển khai")
        out["tasks.stopped"] = num(r"(\d+) nhiệm vụ dừng, điều chỉnh")
        out["tasks.not_reported"] = num(r"(\d+) nhiệm vụ chưa có báo cáo")
    m = re.search(r"Trong (\d+) chỉ tiêu của Kế hoạch có (.*?)\.(?: |$)", t)
    if m:
        out["indicators.total"] = m.group(1)
        sent = m.group(2)
        out["indicators.sentence"] = sent

        def inum(pattern, group=1, default="0"):
            x = re.search(pattern, sent)
            return x.group(group) if x else default
        out["indicators.met"] = inum(r"(\d+) chỉ tiêu đã đạt")
        out["indicators.met_pct"] = inum(r"\d+ chỉ tiêu đã đạt \(([\d,]+)%\)")
        out["indicators.not_met"] = inum(r"(\d+) chỉ tiêu chưa đạt")
        out["indicators.not_comparable"] = inum(r"(\d+) chỉ tiêu chưa so sánh được")
        out["indicators.no_data"] = inum(r"(\d+) chỉ tiêu chưa có số liệu")
    return out


def page_fill(page, bottom_mm=20, top_mm=20):
    """Fraction of the content area (between the top and bottom margins) that lies above
    the lowest text or drawing of the page; the page number and draft mark sit in the top
    margin and do not count."""
    h = page.rect.height
    top, bottom = top_mm * MM, h - bottom_mm * MM
    lowest = top
    for s in spans(page):
        if s["bbox"][1] >= top - 3:
            lowest = max(lowest, min(bottom, s["bbox"][3]))
    for d in page.get_drawings():
        r = d["rect"]
        if r.y0 >= top - 3:
            lowest = max(lowest, min(bottom, r.y1))
    return (lowest - top) / (bottom - top)


def appendix_starts(doc):
    """Indices of the pages where an appendix begins: landscape pages whose top holds the
    italic link line "(… Kế hoạch …)" under the appendix heading."""
    out = []
    for i, page in enumerate(doc):
        if page.rect.width <= page.rect.height:
            continue
        for s in spans(page):
            if s["bbox"][1] < 70 * MM and is_italic(s) and s["text"].strip().startswith("("):
                out.append(i)
                break
    return out


def check_fill(doc, name, check, max_empty=0.25):
    """No page more than max_empty empty, except the last body page and the last page of
    each appendix (issue #12). Returns the fill of every page."""
    n = len(doc)
    body_last = max([i for i, p in enumerate(doc) if p.rect.width < p.rect.height], default=-1)
    starts = appendix_starts(doc)
    exempt = {body_last, n - 1} | {s - 1 for s in starts if s > 0}
    fills = []
    for i, page in enumerate(doc):
        f = page_fill(page)
        fills.append(f)
        if i not in exempt:
            check(f >= 1 - max_empty - 1e-3, f"{name} p{i+1}: page {100 * (1 - f):.0f} % empty (> {100 * max_empty:.0f} %)")
    return fills
