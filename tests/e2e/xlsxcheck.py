"""Helpers for the XLSX end-to-end tests: an independent reading of the plan YAML, the
schema's value rules re-implemented in Python, the content hash recomputed from cells,
and LibreOffice conversion. Used by test_xlsx_*.py (run with /usr/bin/python3)."""
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata

import yaml


# --- the plan, read independently of vnplan ---------------------------------------------

class _IncludeLoader(yaml.SafeLoader):
    """SafeLoader that resolves `!include other.yaml` relative to the including file."""

    def __init__(self, stream, base):
        super().__init__(stream)
        self._base = base


def _include(loader, node):
    path = os.path.join(loader._base, loader.construct_scalar(node))
    return load_yaml(path)


_IncludeLoader.add_constructor("!include", _include)


def load_yaml(path):
    with open(path, encoding="utf-8-sig") as f:
        loader = _IncludeLoader(f, os.path.dirname(path))
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()


def text(v):
    """A scalar as vnplan stores it: text, NFC; absent -> ""."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return unicodedata.normalize("NFC", str(v))


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


AGENCY_CODE = re.compile(r"^[A-Z0-9_-]+$")


def agency_names(plan, entries):
    names = {a["code"]: text(a["name"]) for a in plan.get("agencies", []) or []}
    return "\n".join(names[text(e)] if AGENCY_CODE.match(text(e)) else text(e) for e in as_list(entries) if text(e))


def agency_codes(entries):
    return "\n".join(text(e) for e in as_list(entries) if AGENCY_CODE.match(text(e)))


# --- value rules of docs/xlsx-schema.md ----------------------------------------------------

_NUMERIC = re.compile(r"^(-?)(0|[1-9][0-9]*|[1-9][0-9]{0,2}(?:\.[0-9]{3})+)(?:,([0-9]+))?( ?%)?$")


def numeric_target(s):
    """(value, is_percent, decimals) when the target text is an exact number or percentage."""
    m = _NUMERIC.match(s.strip(" \t"))
    if not m:
        return None
    sign, ip, frac, pct = m.group(1), m.group(2).replace(".", ""), m.group(3) or "", m.group(4)
    digits = (ip + frac).lstrip("0")
    if len(digits) > 15:
        return None
    v = float(sign + ip + "." + (frac or "0"))
    if pct:
        v = float(sign + ip + (frac and "." + frac or "") + "e-2")
    return (0.0 if v == 0 else v), bool(pct), len(frac)


def canonical(v):
    """Canonical cell text of the content hash."""
    import datetime
    if v is None or v == "":
        return ""
    if isinstance(v, datetime.datetime):
        return v.date().isoformat()
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return format(v, ".15g")
    return str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def read_meta(wb):
    ws = wb["_meta"]
    meta, registry = {}, []
    for row in ws.iter_rows(min_row=2, values_only=True):
        if row[0] is not None:
            meta[row[0]] = row[1]
        if len(row) > 3 and row[3] is not None:
            registry.append(dict(zip(["table", "sheet", "key", "column", "header", "role", "type"], row[3:10])))
    return meta, registry


def recompute_hash(wb, meta, registry):
    out = []
    for tid in (meta.get("tables") or "").split(","):
        if not tid:
            continue
        keys = [r["key"] for r in registry if r["table"] == tid]
        cols = [r["column"] for r in registry if r["table"] == tid]
        ws = wb[meta[f"table.{tid}.sheet"]]
        out.append(f"table:{tid}\n" + "\t".join(keys) + "\n")
        for r in range(int(meta[f"table.{tid}.first_row"]), int(meta[f"table.{tid}.last_row"]) + 1):
            out.append("\t".join(canonical(ws[f"{c}{r}"].value) for c in cols) + "\n")
    return hashlib.sha256("".join(out).encode("utf-8")).hexdigest()


# --- tools ------------------------------------------------------------------------------------

def build(vnplan, plans, out, env=None):
    e = dict(os.environ)
    e.pop("SOURCE_DATE_EPOCH", None)
    e.update(env or {})
    return subprocess.run([vnplan, "build", *plans, "-o", out], capture_output=True, text=True, env=e, timeout=300)


def soffice_convert(path, outdir, fmt="pdf", timeout=240):
    """Converts with LibreOffice headless in a private profile; returns (ok, output path, log)."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        return False, None, "soffice not installed (scripts/install-deps installs libreoffice-calc-nogui)"
    with tempfile.TemporaryDirectory(prefix="vnplan-lo-") as profile:
        r = subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                            "--convert-to", fmt, "--outdir", outdir, path],
                           capture_output=True, text=True, timeout=timeout)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + "." + fmt.split(":")[0])
    ok = r.returncode == 0 and os.path.exists(out) and os.path.getsize(out) > 0
    return ok, out, r.stdout + r.stderr
