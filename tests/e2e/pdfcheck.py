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
