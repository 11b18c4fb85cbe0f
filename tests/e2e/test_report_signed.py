"""Signed progress reports: the `report:` section of a progress file gives the report its own
number, date, recipients and signer. The three seed plans' 2025 reports are signed: no DỰ THẢO
mark, the number and date lines filled in, the ND30 / HD36 header, Nơi nhận and signature
block; their 2026-H1 reports stay drafts. A signed report without its number or full date is a
located error and writes nothing.

Usage: test_report_signed.py VNPLAN SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import fitz  # noqa: E402
import pdfcheck as pc  # noqa: E402

VNPLAN, SRC = sys.argv[1], sys.argv[2]
failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL:", msg)


def report_section(progress_yaml):
    """number, date, recipients of the `report:` section (a small reader for this format)."""
    m = re.search(r"^report:.*\n((?:[ #].*\n|\n)*)", progress_yaml, flags=re.M)
    sec = m.group(1) if m else ""
    number = re.search(r'^  number: "?([^"\n]+)"?', sec, flags=re.M)
    date = re.search(r"^  date: (\S+)", sec, flags=re.M)
    rec = re.search(r"^  recipients:\n((?:    - .*\n)+)", sec, flags=re.M)
    recipients = [r.strip()[2:].strip().strip('"') for r in rec.group(1).splitlines()] if rec else []
    return number.group(1) if number else "", date.group(1) if date else "", recipients


def plan_signer(plan_yaml):
    name = re.findall(r"^signature:\n(?:  .*\n)*?  name: *(.+)$", plan_yaml, flags=re.M)
    auth = re.search(r"^signature:\n  authority:(.*)\n((?:    - .*\n)*)", plan_yaml, flags=re.M)
    lines = []
    if auth:
        inline = auth.group(1).strip()
        if inline.startswith("["):
            lines = [x.strip() for x in inline.strip("[]").split(",")]
        else:
            lines = [x.strip()[2:].strip() for x in auth.group(2).splitlines()]
    return (name[0].strip().strip('"') if name else ""), lines


def run_report(plan_dir, period, out, env=None):
    return subprocess.run([VNPLAN, "report", plan_dir, "--period", period, "-o", out], capture_output=True,
                          text=True, env=env)


def check_signed(plan, pdf, progress_yaml, plan_yaml):
    party = plan.startswith("dang-uy")
    number, date, recipients = report_section(progress_yaml)
    d, mth, y = (int(x) for x in date.split("/"))
    doc = fitz.open(pdf)
    pc.check_pages(doc, False, plan + " signed", check)  # no DỰ THẢO on any page
    p1 = pc.spans(doc[0])
    text = "\n".join(page.get_text() for page in doc)
    check("DỰ THẢO" not in text, f"{plan}: DỰ THẢO in a signed report")
    # Header: national line, motto (state), the issuing body.
    national = "ĐẢNG CỘNG SẢN VIỆT NAM" if party else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    nat = [s for s in p1 if s["text"].strip() == national]
    check(len(nat) == 1 and pc.is_bold(nat[0]) and nat[0]["bbox"][0] > doc[0].rect.width / 2 - 60,
          f"{plan}: national line")
    if not party:
        motto = [s for s in p1 if s["text"].strip() == "Độc lập - Tự do - Hạnh phúc"]
        check(len(motto) == 1 and pc.is_bold(motto[0]), f"{plan}: motto")
    # Number line: the report's own number with the BC symbol, left column, on the date's line.
    want_num = f"Số {number}-BC/" if party else f"Số: {number}/BC-"
    numline = [s for s in p1 if s["text"].strip().startswith("Số")]
    check(len(numline) == 1 and want_num in numline[0]["text"] if numline else False,
          f"{plan}: number line {[s['text'] for s in numline]} lacks {want_num!r}")
    day = f"{d:02d}" if d < 10 else str(d)
    month = f"{mth:02d}" if mth < 3 else str(mth)
    dates = [s for s in p1 if re.search(r"^[^,]+, ngày \d", s["text"].strip()) and not s["text"].strip().startswith("Kết quả")
             and s["bbox"][1] < 60 * pc.MM]
    check(len(dates) == 1 and f"ngày {day} tháng {month} năm {y}" in dates[0]["text"] and pc.is_italic(dates[0]),
          f"{plan}: date line {[s['text'] for s in dates]}")
    if numline and dates:
        check(abs(numline[0]["bbox"][3] - dates[0]["bbox"][3]) < 2, f"{plan}: number and date not on one line")
        check(numline[0]["bbox"][2] < doc[0].rect.width / 2, f"{plan}: number line not in the left column")
    bc = [s for s in p1 if s["text"].strip() == "BÁO CÁO"]
    check(len(bc) == 1 and pc.is_bold(bc[0]), f"{plan}: BÁO CÁO missing or not bold")
    # Nơi nhận at the left with the report's recipients; signer in the right half.
    body_pages = [p for p in doc if p.rect.width < p.rect.height]
    last = body_pages[-1]
    ls = pc.spans(last)
    nn = [s for s in ls if s["text"].strip() == "Nơi nhận:"]
    check(len(nn) == 1, f"{plan}: 'Nơi nhận:' missing")
    if nn:
        check(nn[0]["bbox"][0] < 30 * pc.MM + 2, f"{plan}: Nơi nhận not at the left margin")
        if not party:
            check(pc.is_bold(nn[0]) and pc.is_italic(nn[0]) and abs(nn[0]["size"] - 12) < 0.1,
                  f"{plan}: Nơi nhận style (ND30: bold italic 12)")
    left = " ".join(s["text"].strip() for s in ls if s["bbox"][2] < last.rect.width / 2 + 10)
    left = " ".join(left.split())
    for r in recipients:
        check(("- " + r) in left or r in left, f"{plan}: recipient {r!r} not in Nơi nhận")
    plan_recipients = re.search(r"^recipients:\n((?:  - .*\n)+)", plan_yaml, flags=re.M)
    only_plan = [r.strip()[2:].strip().strip('"') for r in plan_recipients.group(1).splitlines()]
    only_plan = [r for r in only_plan if r not in recipients]
    check(not any(r in left for r in only_plan[:3]), f"{plan}: the plan's recipients printed instead of the report's")
    name, authority = plan_signer(plan_yaml)
    sig = [s for s in ls if s["text"].strip() == name]
    check(len(sig) == 1 and pc.is_bold(sig[0]) and sig[0]["bbox"][0] > last.rect.width / 2 - 20,
          f"{plan}: signer {name!r} not bold in the right half")
    right = [s["text"].strip() for s in ls if s["bbox"][0] > last.rect.width / 2 - 40]
    for a in authority:
        check(a in right, f"{plan}: authority line {a!r} missing from the signature block")
    # The appendices name the report by its number and date.
    if party:
        link = f"Báo cáo số {number}-BC/"
    else:
        link = f"Báo cáo số {number}/BC-"
    flat = " ".join(text.split())
    check(link in flat, f"{plan}: appendix link does not name {link!r}")


with tempfile.TemporaryDirectory() as out:
    for plan in ["dinh-hoa", "binh-giang", "dang-uy-dinh-hoa"]:
        plan_dir = os.path.join(SRC, "inputs", plan)
        plan_yaml = open(os.path.join(plan_dir, "plan.yaml"), encoding="utf-8").read()
        progress = open(os.path.join(plan_dir, "progress", "2025.yaml"), encoding="utf-8").read()
        check("status: signed" in progress, f"{plan}: the 2025 sample is not signed")
        r = run_report(plan_dir, "2025", out)
        check(r.returncode == 0, f"{plan} 2025: exit {r.returncode}: {r.stderr}")
        pdf = os.path.join(out, plan, f"{plan}-bao-cao-2025.pdf")
        if os.path.exists(pdf):
            check_signed(plan, pdf, progress, plan_yaml)
        # The 2026-H1 sample has no `report:` section: a draft with blanks.
        r = run_report(plan_dir, "2026-H1", out)
        pdf = os.path.join(out, plan, f"{plan}-bao-cao-2026-H1.pdf")
        check(r.returncode == 0 and os.path.exists(pdf), f"{plan} 2026-H1: {r.stderr}")
        if os.path.exists(pdf):
            doc = fitz.open(pdf)
            pc.check_pages(doc, True, plan + " draft", check)
            numline = [s["text"] for s in pc.spans(doc[0]) if s["text"].strip().startswith("Số")]
            check(len(numline) == 1 and not re.search(r"\d", numline[0].split("BC")[0]),
                  f"{plan}: a draft's number line carries a number: {numline}")

    # A signed report without its number, or with only a month, is a located error: nothing written.
    base = os.path.join(out, "broken", "dinh-hoa")
    shutil.copytree(os.path.join(SRC, "inputs", "dinh-hoa"), base)
    prog = os.path.join(base, "progress", "2025.yaml")
    good = open(prog, encoding="utf-8").read()
    lines = good.split("\n")
    status_line = next(i for i, l in enumerate(lines) if l.strip().startswith("status: signed")) + 1
    date_line = next(i for i, l in enumerate(lines) if l.startswith("  date:")) + 1
    cases = [
        (good.replace('  number: "312"\n', ""), r"2025\.yaml:%d:\d+: lỗi: báo cáo đã ký .* number" % (status_line - 1)),
        (good.replace("  date: 09/12/2025", "  date: 12/2025"), r"2025\.yaml:%d:\d+: lỗi: báo cáo đã ký .* date" % date_line),
        (good.replace("  date: 09/12/2025", "  date: 31/11/2025"), r"2025\.yaml:%d:\d+: lỗi: ngày không hợp lệ" % date_line),
        (good.replace("  date: 09/12/2025", "  date: 01/12/2025"), r"2025\.yaml:%d:\d+: lỗi: .*as_of" % date_line),
        (good.replace("    status: signed", "    status: ký"), r"2025\.yaml:%d:\d+: lỗi: .*draft, signed" % status_line),
    ]
    for i, (text, pattern) in enumerate(cases):
        open(prog, "w", encoding="utf-8").write(text)
        dest = os.path.join(out, f"bad{i}")
        r = run_report(base, "2025", dest)
        check(r.returncode == 1, f"case {i}: exit {r.returncode}")
        check(re.search(pattern, r.stderr) is not None, f"case {i}: message {r.stderr!r} !~ {pattern}")
        check(not os.path.exists(dest), f"case {i}: output written")
    # A draft may keep its blanks: no number, month only.
    open(prog, "w", encoding="utf-8").write(good.replace('  number: "312"\n', "").replace("09/12/2025", "12/2025")
                                            .replace("    status: signed", "    status: draft"))
    r = run_report(base, "2025", os.path.join(out, "draft"))
    check(r.returncode == 0, f"draft with blanks: {r.stderr}")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("all signed report checks passed")
