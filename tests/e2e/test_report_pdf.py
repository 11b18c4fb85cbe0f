"""Progress report PDFs: the same text, font, margin and layout checks as the plan PDFs,
the figures stated in the prose equal the ones computed from the data, and a broken
Mustache template is reported with its file and line.

Usage: test_report_pdf.py VNPLAN SOURCE_DIR
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


with tempfile.TemporaryDirectory() as out:
    for plan in ["dinh-hoa", "binh-giang", "dang-uy-dinh-hoa"]:
        for period in ["2025", "2026-H1"]:
            r = subprocess.run([VNPLAN, "report", os.path.join(SRC, "inputs", plan), "--period", period, "-o", out],
                               capture_output=True, text=True)
            name = f"{plan}-bao-cao-{period}"
            check(r.returncode == 0, f"{name}: report failed: {r.stderr}")
            pdf = os.path.join(out, plan, name + ".pdf")
            if not os.path.exists(pdf):
                check(False, f"{name}: no PDF")
                continue
            rc, text, err = pc.pdftotext(pdf)
            check(rc == 0 and not err.strip(), f"{name}: pdftotext warnings {err[:200]}")
            ok, rows, bad = pc.fonts_ok(pdf)
            check(ok, f"{name}: fonts {bad or rows}")
            q = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
            check(q.returncode == 0, f"{name}: qpdf --check failed")
            doc = fitz.open(pdf)
            # A report is a draft until its own `report:` section says it is signed.
            signed = "status: signed" in open(os.path.join(SRC, "inputs", plan, "progress", period + ".yaml"),
                                              encoding="utf-8").read()
            pc.check_pages(doc, not signed, name, check)
            p1 = " ".join(s["text"] for s in pc.spans(doc[0]))
            check("BÁO CÁO" in p1, f"{name}: no BÁO CÁO on page 1")
            check("/BC-" in p1 or "-BC/" in p1, f"{name}: the number line has no BC symbol")
            figs = pc.prose_figures(text)
            has_tasks = plan != "dang-uy-dinh-hoa"
            check(("tasks.total" in figs) == has_tasks, f"{name}: task figures in the prose: {sorted(figs)}")
            check("indicators.total" in figs, f"{name}: indicator figures missing from the prose")
            if has_tasks and "tasks.total" in figs:
                parts = ["done", "in_progress", "not_started", "overdue", "recurring", "waiting", "stopped", "not_reported"]
                total = sum(int(figs["tasks." + k]) for k in parts)
                check(total == int(figs["tasks.total"]), f"{name}: statuses sum to {total}, not {figs['tasks.total']}")
                n_tasks = open(os.path.join(SRC, "inputs", plan, "tasks.yaml"), encoding="utf-8").read().count("\n      - number:")
                check(int(figs["tasks.total"]) == n_tasks, f"{name}: {figs['tasks.total']} tasks stated, plan has {n_tasks}")
                pct = round(100 * int(figs["tasks.done"]) / int(figs["tasks.total"]), 1)
                check(figs["tasks.done_pct"].replace(",", ".") in (f"{pct:.1f}", f"{pct:.0f}"),
                      f"{name}: done share {figs['tasks.done_pct']} vs {pct}")
            # Appendix pages are landscape and list every task / indicator.
            check(any(p.rect.width > p.rect.height for p in doc), f"{name}: no landscape appendix")

    # A broken Mustache template is an error naming the template file and line.
    tdir = os.path.join(out, "templates")
    shutil.copytree(os.path.join(SRC, "templates"), tdir)
    path = os.path.join(tdir, "report-half-year-state.mustache")
    lines = open(path, encoding="utf-8").read().split("\n")
    lines[9] = lines[9] + " {{#unclosed}}"
    open(path, "w", encoding="utf-8").write("\n".join(lines))
    env = dict(os.environ, VNPLAN_TEMPLATES=tdir)
    r = subprocess.run([VNPLAN, "report", os.path.join(SRC, "inputs", "dinh-hoa"), "--period", "2026-H1", "-o",
                        os.path.join(out, "t")], capture_output=True, text=True, env=env)
    check(r.returncode == 1, f"broken template: exit {r.returncode}")
    check(re.search(r"report-half-year-state\.mustache:10:\d+: lỗi: .*Unclosed section", r.stderr) is not None,
          f"broken template message: {r.stderr!r}")
    check(not os.path.exists(os.path.join(out, "t")), "broken template: output written")
    # Bad period: usage error.
    r = subprocess.run([VNPLAN, "report", os.path.join(SRC, "inputs", "dinh-hoa"), "--period", "2026-H3"],
                       capture_output=True, text=True)
    check(r.returncode == 2, f"bad period: exit {r.returncode}")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("all report PDF checks passed")
