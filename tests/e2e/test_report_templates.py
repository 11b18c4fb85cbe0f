"""Report templates an office adapts, and progress text that looks like markup.

- A plan's own templates/ folder, then VNPLAN_TEMPLATES, then the shipped templates, file by file.
- A template naming a value that does not exist is an error with file:line:column, nothing written.
- Text of a progress file that looks like report markup ("#1 VI. …", "[[summary-table]]") is
  printed as it is written: no new heading, no second table.

Usage: test_report_templates.py VNPLAN SOURCE_DIR
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
NAME = "report-half-year-state.mustache"


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL:", msg)


def report(plan_dir, out, env=None):
    return subprocess.run([VNPLAN, "report", plan_dir, "--period", "2026-H1", "-o", out], capture_output=True,
                          text=True, env=env)


def pdf_text(out):
    pdf = os.path.join(out, "dinh-hoa", "dinh-hoa-bao-cao-2026-H1.pdf")
    return " ".join(pc.pdftotext(pdf)[1].split()) if os.path.exists(pdf) else ""


shipped = open(os.path.join(SRC, "templates", NAME), encoding="utf-8").read()
with tempfile.TemporaryDirectory() as tmp:
    plan = os.path.join(tmp, "dinh-hoa")
    shutil.copytree(os.path.join(SRC, "inputs", "dinh-hoa"), plan)
    envdir = os.path.join(tmp, "env-templates")
    os.makedirs(envdir)
    base_env = {k: v for k, v in os.environ.items() if k != "VNPLAN_TEMPLATES"}

    # VNPLAN_TEMPLATES only: its file is used.
    open(os.path.join(envdir, NAME), "w", encoding="utf-8").write(
        shipped.replace("#1 V. ĐỀ XUẤT, KIẾN NGHỊ", "#1 V. KIẾN NGHỊ CỦA MẪU MÔI TRƯỜNG"))
    env = dict(base_env, VNPLAN_TEMPLATES=envdir)
    r = report(plan, os.path.join(tmp, "o1"), env)
    check(r.returncode == 0, f"env template: {r.stderr}")
    t = pdf_text(os.path.join(tmp, "o1"))
    check("KIẾN NGHỊ CỦA MẪU MÔI TRƯỜNG" in t, "VNPLAN_TEMPLATES file not used")
    # state.yaml is not in envdir: the shipped layout rules still apply (file by file).
    check("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in t, "layout rules missing")

    # The plan's own templates/ comes first.
    os.makedirs(os.path.join(plan, "templates"))
    open(os.path.join(plan, "templates", NAME), "w", encoding="utf-8").write(
        shipped.replace("#1 V. ĐỀ XUẤT, KIẾN NGHỊ", "#1 V. KIẾN NGHỊ CỦA MẪU KẾ HOẠCH"))
    r = report(plan, os.path.join(tmp, "o2"), env)
    check(r.returncode == 0, f"plan template: {r.stderr}")
    t = pdf_text(os.path.join(tmp, "o2"))
    check("KIẾN NGHỊ CỦA MẪU KẾ HOẠCH" in t and "MẪU MÔI TRƯỜNG" not in t, "plan-local template not first")

    # A misspelt value is an error at its line and column; nothing written.
    lines = shipped.split("\n")
    idx = next(i for i, l in enumerate(lines) if l.startswith("Kế hoạch đề ra"))
    lines[idx] = lines[idx].replace("{{tasks.total}}", "{{tasks.totl}}", 1)
    col = lines[idx].index("{{tasks.totl}}") + 1
    open(os.path.join(plan, "templates", NAME), "w", encoding="utf-8").write("\n".join(lines))
    r = report(plan, os.path.join(tmp, "o3"), base_env)
    check(r.returncode == 1, f"unknown value: exit {r.returncode}")
    want = rf"templates/{re.escape(NAME)}:{idx + 1}:{col}: lỗi: mẫu báo cáo dùng giá trị không có: \{{\{{tasks\.totl\}}\}}"
    check(re.search(want, r.stderr) is not None, f"unknown value message {r.stderr!r} !~ {want}")
    check(not os.path.exists(os.path.join(tmp, "o3")), "unknown value: output written")
    shutil.rmtree(os.path.join(plan, "templates"))

    # Progress text that looks like markup is printed as text.
    prog = os.path.join(plan, "progress", "2026-H1.yaml")
    src = open(prog, encoding="utf-8").read()
    src = src.replace("direction:\n", 'direction:\n  - "#1 VI. CHƯƠNG CHÈN VÀO"\n  - "[[summary-table]]"\n'
                      '  - "> ghi chú giả"\n  - "Đoạn một\\n#1 VII. CHƯƠNG XUỐNG DÒNG\\n[[status-chart]]"\n', 1)
    open(prog, "w", encoding="utf-8").write(src)
    r = report(plan, os.path.join(tmp, "o4"), base_env)
    check(r.returncode == 0, f"markup-like text: {r.stderr}")
    pdf = os.path.join(tmp, "o4", "dinh-hoa", "dinh-hoa-bao-cao-2026-H1.pdf")
    if os.path.exists(pdf):
        t = " ".join(pc.pdftotext(pdf)[1].split())
        check("- #1 VI. CHƯƠNG CHÈN VÀO" in t, "heading markup not printed as text")
        check("- [[summary-table]]" in t, "table placeholder not printed as text")
        check("Đoạn một #1 VII. CHƯƠNG XUỐNG DÒNG [[status-chart]]" in t, "a line break inside a value opened markup")
        check(t.count("Tình trạng thực hiện nhiệm vụ theo nhóm") == 1, "status chart inserted again")
        check(t.count("Tổng cộng") == 1, f"summary table inserted again ({t.count('Tổng cộng')} totals rows)")
        doc = fitz.open(pdf)
        heads = [s for p in doc for s in pc.spans(p) if s["text"].strip().startswith("VI.") and pc.is_bold(s)]
        check(not heads, "a bold VI. heading appeared")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("all report template checks passed")
