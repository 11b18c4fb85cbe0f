"""End-to-end checks of the three seed plans' PDFs with independent tools.

Usage: test_pdf_seeds.py VNPLAN SOURCE_DIR
"""
import re
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import fitz  # noqa: E402
import pdfcheck as pc  # noqa: E402

VNPLAN, SRC = sys.argv[1], sys.argv[2]
SEEDS = {
    "dinh-hoa": "000_1b61d5a7c0bfebde.txt",
    "binh-giang": "001_4cb7ecca1ca759af.txt",
    "dang-uy-dinh-hoa": "002_7cf757a78965cea1.txt",
}
SEED_DIRS = [os.path.join(SRC, "tests", "data", "seeds"), os.path.join(SRC, "..", "shared", "seeds")]
failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL:", msg)


def seed_text(name):
    for d in SEED_DIRS:
        p = os.path.join(d, name)
        if os.path.exists(p):
            return open(p, encoding="utf-8").read()
    raise SystemExit(f"seed {name} not found in {SEED_DIRS}")


with tempfile.TemporaryDirectory() as out:
    plans = [os.path.join(SRC, "inputs", p) for p in SEEDS]
    r = subprocess.run([VNPLAN, "build", *plans, "-o", out], capture_output=True, text=True)
    check(r.returncode == 0, f"vnplan build failed: {r.stderr}")
    for plan, seed in SEEDS.items():
        pdf = os.path.join(out, plan, plan + ".pdf")
        check(os.path.exists(pdf), f"{plan}: no PDF")
        if not os.path.exists(pdf):
            continue
        # Text: no warnings, the seed's words recovered.
        rc, text, err = pc.pdftotext(pdf)
        check(rc == 0 and err.strip() == "", f"{plan}: pdftotext warnings: {err[:300]}")
        cov, missing = pc.coverage(seed_text(seed), text)
        print(f"{plan}: word coverage {cov:.2%}")
        check(cov >= 0.97, f"{plan}: coverage {cov:.2%} < 97%; missing e.g. {list(missing.items())[:20]}")
        # Fonts: embedded subsets with Unicode maps only.
        ok, rows, bad = pc.fonts_ok(pdf)
        check(ok, f"{plan}: fonts not all emb/sub/uni: {bad or rows}")
        check(len(rows) == 4 or len(rows) == 3, f"{plan}: expected the serif faces, got {rows}")
        # Structure.
        q = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
        check(q.returncode == 0, f"{plan}: qpdf --check: {q.stdout[-300:]}")
        # Reproducible: a second build gives the same bytes.
        with tempfile.TemporaryDirectory() as out2:
            subprocess.run([VNPLAN, "build", os.path.join(SRC, "inputs", plan), "-o", out2], check=True,
                           capture_output=True)
            check(open(pdf, "rb").read() == open(os.path.join(out2, plan, plan + ".pdf"), "rb").read(),
                  f"{plan}: two builds differ")

        doc = fitz.open(pdf)
        draft = "status: draft" in open(os.path.join(SRC, "inputs", plan, "plan.yaml"), encoding="utf-8").read()
        seen_landscape = pc.check_pages(doc, draft, plan, check)
        check(seen_landscape, f"{plan}: no landscape appendix page")
        # No page but the last of the body and of each appendix more than 25 % empty.
        fills = pc.check_fill(doc, plan, check)
        print(f"{plan}: page fill {' '.join(f'{f:.2f}' for f in fills)}")

        # Header, title and signature: positions, sizes, styles.
        p1 = pc.spans(doc[0])
        party = plan.startswith("dang-uy")
        national = "ĐẢNG CỘNG SẢN VIỆT NAM" if party else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        nat = [s for s in p1 if s["text"].strip() == national]
        check(len(nat) == 1, f"{plan}: national line missing")
        if nat:
            s = nat[0]
            check(pc.is_bold(s) and abs(s["size"] - (15 if party else 13)) < 0.1, f"{plan}: national line style {s}")
            check(s["bbox"][0] > doc[0].rect.width / 2 - 60, f"{plan}: national line not in the right column")
            check(s["bbox"][1] < 30 * pc.MM, f"{plan}: national line not at the top")
        lines = [d for d in doc[0].get_drawings() for it in d["items"] if it[0] == "l"]
        if not party:
            motto = [s for s in p1 if s["text"].strip() == "Độc lập - Tự do - Hạnh phúc"]
            check(len(motto) == 1 and pc.is_bold(motto[0]) and abs(motto[0]["size"] - 14) < 0.1, f"{plan}: motto")
            if motto:
                mx0, _, mx1, my1 = motto[0]["bbox"]
                # A rule exactly as long as the motto, right under it.
                under = [d for d in doc[0].get_drawings() for it in d["items"]
                         if it[0] == "l" and abs(it[1].y - my1) < 6 and abs(it[1].x - mx0) < 1.5 and abs(it[2].x - mx1) < 1.5]
                check(bool(under), f"{plan}: no rule of the motto's width under it ({mx0:.1f}-{mx1:.1f})")
            # The issuing body: bold upper case, a centred rule under it 1/3 to 1/2 of its width.
            body = [s for s in p1 if s["text"].strip().startswith("HUYỆN")]
            check(len(body) == 1 and pc.is_bold(body[0]), f"{plan}: issuing body line")
            if body:
                bx0, _, bx1, by1 = body[0]["bbox"]
                rules = [it for d in doc[0].get_drawings() for it in d["items"]
                         if it[0] == "l" and 0 < it[1].y - by1 < 8]
                ok = any((bx1 - bx0) / 3 - 1 <= it[2].x - it[1].x <= (bx1 - bx0) / 2 + 1
                         and abs((it[1].x + it[2].x) / 2 - (bx0 + bx1) / 2) < 2 for it in rules)
                check(ok, f"{plan}: no centred rule of 1/3-1/2 the issuing body's width under it")
        dates = [s for s in p1 if "ngày" in s["text"] and "năm" in s["text"] and s["bbox"][1] < 60 * pc.MM]
        check(len(dates) == 1 and pc.is_italic(dates[0]) and abs(dates[0]["size"] - 14) < 0.1, f"{plan}: date line")
        numline = [s for s in p1 if s["text"].strip().startswith("Số")]
        check(len(numline) == 1, f"{plan}: number line missing")
        if numline and dates:
            check(abs(numline[0]["bbox"][3] - dates[0]["bbox"][3]) < 2, f"{plan}: number and date not on one line")
            check(numline[0]["bbox"][2] < doc[0].rect.width / 2, f"{plan}: number line not in the left column")
        kh = [s for s in p1 if s["text"].strip() == "KẾ HOẠCH"]
        check(len(kh) == 1 and pc.is_bold(kh[0]), f"{plan}: KẾ HOẠCH missing or not bold")
        # Signature block: signer bold 14 in the right half; Nơi nhận at the left.
        body_pages = [p for p in doc if p.rect.width < p.rect.height]
        last = body_pages[-1]
        ls = pc.spans(last)
        plan_yaml = open(os.path.join(SRC, "inputs", plan, "plan.yaml"), encoding="utf-8").read()
        name = re.findall(r"^signature:\n(?:  .*\n)*?  name: *(.+)$", plan_yaml, flags=re.M)
        sig = [s for s in ls if name and s["text"].strip() == name[0].strip().strip('"')]
        check(len(sig) == 1, f"{plan}: signer name not on the last body page")
        if sig:
            check(pc.is_bold(sig[0]) and abs(sig[0]["size"] - 14) < 0.1, f"{plan}: signer style")
            check(sig[0]["bbox"][0] > last.rect.width / 2 - 20, f"{plan}: signer not in the right half")
        nn = [s for s in ls if s["text"].strip() == "Nơi nhận:"]
        check(len(nn) == 1, f"{plan}: 'Nơi nhận:' missing")
        if nn:
            check(nn[0]["bbox"][0] < 30 * pc.MM + 2, f"{plan}: Nơi nhận not at the left margin")
            if party:
                check(abs(nn[0]["size"] - 14) < 0.1, f"{plan}: Nơi nhận size (HD36: 14)")
            else:
                check(pc.is_bold(nn[0]) and pc.is_italic(nn[0]) and abs(nn[0]["size"] - 12) < 0.1,
                      f"{plan}: Nơi nhận style (ND30: bold italic 12)")
            auth = [s for s in ls if s["text"].strip().startswith(("TM.", "T/M"))]
            check(len(auth) == 1 and abs(auth[0]["bbox"][3] - nn[0]["bbox"][3]) < 3,
                  f"{plan}: Nơi nhận not on the line of the first authority line")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("all PDF checks passed")
