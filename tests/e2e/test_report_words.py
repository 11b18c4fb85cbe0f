"""No cell line of any report breaks inside a word or a roman numeral ("Khá/c", "VII/I").

For every report of the seed plans, every table cell (a stroked box of the page) is read line
by line: each word must be a word of the inputs (plan, progress data, templates, the labels the
program prints), and the last word of a line joined with the first word of the next line must
not be such a word (that would be one word split in two).

Usage: test_report_words.py VNPLAN SOURCE_DIR
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import fitz  # noqa: E402

VNPLAN, SRC = sys.argv[1], sys.argv[2]
failures = []
PUNCT = ",.;:()[]\"'“”!?…-–"


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL:", msg)


def bare(word):
    return word.strip(PUNCT)


def vocabulary(plan):
    files = glob.glob(os.path.join(SRC, "inputs", plan, "**", "*.yaml"), recursive=True)
    files += glob.glob(os.path.join(SRC, "templates", "*"))
    # Labels printed by the program (statuses, verdicts, column headers) are string literals.
    files += glob.glob(os.path.join(SRC, "pipeline", "**", "*.cpp"), recursive=True)
    vocab = set()
    for f in files:
        for tok in re.split(r"[\s/]+", open(f, encoding="utf-8").read()):
            for part in (tok, *re.split(r"[^\w]+", tok)):
                b = bare(part)
                if b:
                    vocab.add(b)
    return vocab


def cells(page):
    out = []
    for d in page.get_drawings():
        for it in d["items"]:
            if it[0] == "re" and d.get("color") is not None:
                r = it[1]
                if r.width > 8 and r.height > 8:
                    out.append(r)
    return out


def cell_lines(page, rect, words):
    inside = [w for w in words if rect.x0 <= (w[0] + w[2]) / 2 <= rect.x1 and rect.y0 <= (w[1] + w[3]) / 2 <= rect.y1]
    lines = {}
    for w in inside:
        lines.setdefault(round((w[1] + w[3]) / 2 / 3), []).append(w)
    return [sorted(v, key=lambda w: w[0]) for _, v in sorted(lines.items())]


with tempfile.TemporaryDirectory() as out:
    checked = 0
    for plan in ["dinh-hoa", "binh-giang", "dang-uy-dinh-hoa"]:
        vocab = vocabulary(plan)
        for period in ["2025", "2026-H1"]:
            r = subprocess.run([VNPLAN, "report", os.path.join(SRC, "inputs", plan), "--period", period, "-o", out],
                               capture_output=True, text=True)
            check(r.returncode == 0, f"{plan} {period}: {r.stderr}")
            pdf = os.path.join(out, plan, f"{plan}-bao-cao-{period}.pdf")
            if not os.path.exists(pdf):
                continue
            doc = fitz.open(pdf)
            for pno, page in enumerate(doc):
                words = page.get_text("words")
                for rect in cells(page):
                    lines = cell_lines(page, rect, words)
                    for li, line in enumerate(lines):
                        checked += 1
                        for w in line:
                            b = bare(w[4])
                            if b and not re.search(r"\d", b):
                                check(b in vocab or all(bare(p) in vocab for p in re.split(r"[/]", b) if bare(p)),
                                      f"{plan} {period} p{pno + 1}: {w[4]!r} is not a word of the input")
                        if li + 1 < len(lines):
                            a, b = bare(line[-1][4]), bare(lines[li + 1][0][4])
                            joined = a + b
                            if a and b and not re.search(r"\d", joined):
                                check(joined not in vocab,
                                      f"{plan} {period} p{pno + 1}: {a!r} / {b!r} is one word ({joined!r}) broken in a cell")
    check(checked > 1000, f"only {checked} cell lines checked")
    print(f"{checked} cell lines checked")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("no word broken inside a report table cell")
