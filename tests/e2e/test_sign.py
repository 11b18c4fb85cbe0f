#!/usr/bin/env python3
"""Digital signatures (issue #11): a throwaway CA and signers made with the openssl CLI;
seed plans and a signed report signed by `build --sign` and `sign`; poppler's pdfsig and `vnplan verify` must
agree (valid, whole document), a flipped byte must make both say invalid, a second
signature (the body's) must keep the first valid, drafts and bad certificates are refused
with the input untouched and no output, signing is reproducible, qpdf --check passes."""
import hashlib
import json
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

VNPLAN, SRC = sys.argv[1], sys.argv[2]
T = tempfile.mkdtemp(prefix="vnplan-sign-")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(args, env=None, **kw):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run(args, capture_output=True, text=True, env=e, **kw)


def ossl(*args):
    r = run(["openssl", *args], cwd=T)
    if r.returncode != 0:
        print(r.stderr)
        raise SystemExit("openssl " + " ".join(args) + " failed")


def sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def png(path, w, h, pixel):
    raw = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(w)) for y in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# --- A throwaway CA, a signer, the body, and broken identities. -------------------------
ossl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "30",
     "-subj", "/CN=Test CA/O=Test")
ossl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key", "-out", "other-ca.crt", "-days", "30",
     "-subj", "/CN=Other CA")


def identity(name, subj, days="10"):
    ossl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", subj, "-utf8")
    ossl("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-set_serial",
         str(abs(hash(name)) % 100000 + 10), "-days", days, "-out", name + ".crt")
    ossl("pkcs12", "-export", "-inkey", name + ".key", "-in", name + ".crt", "-certfile", "ca.crt",
         "-passout", "pass:bí mật", "-out", name + ".p12")


identity("signer", "/CN=Nguyễn Minh Tú/O=Đảng ủy xã Định Hóa/C=VN")
identity("body", "/CN=Đảng ủy xã Định Hóa/O=Đảng ủy xã Định Hóa/C=VN")
identity("expired", "/CN=Hết Hạn/O=Test", days="-1")
# Not yet valid: issued with a start date in the future (openssl ca).
with open(os.path.join(T, "ca.cnf"), "w") as f:
    f.write("[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\n"
            "policy=p\nunique_subject=no\n[p]\ncommonName=supplied\n")
open(os.path.join(T, "index.txt"), "w").close()
open(os.path.join(T, "serial"), "w").write("1000\n")
ossl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "future.key", "-out", "future.csr", "-subj", "/CN=Future")
ossl("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.crt", "-keyfile", "ca.key", "-in", "future.csr", "-out",
     "future.crt", "-startdate", "20400101000000Z", "-enddate", "20410101000000Z", "-notext")
ossl("pkcs12", "-export", "-inkey", "future.key", "-in", "future.crt", "-passout", "pass:bí mật", "-out", "future.p12")
# The signer's certificate with somebody else's key.
ossl("genrsa", "-out", "wrong.key", "2048")
ossl("pkcs12", "-export", "-inkey", "wrong.key", "-nocerts", "-certfile", "signer.crt", "-passout", "pass:bí mật",
     "-out", "wrong.p12")
open(os.path.join(T, "pw"), "w").write("bí mật\n")
open(os.path.join(T, "badpw"), "w").write("sai\n")
open(os.path.join(T, "notp12.p12"), "w").write("this is not PKCS#12\n")
P = lambda n: os.path.join(T, n)

png(P("sig.png"), 120, 48, lambda x, y: (20, 40, 170, 255) if abs(y - 24 - 14 * math.sin(x / 9)) < 3 else (0, 0, 0, 0))
png(P("seal.png"), 96, 96, lambda x, y: (210, 20, 20, 230) if 38 <= math.hypot(x - 48, y - 48) <= 46 else (0, 0, 0, 0))

# Signing time inside the certificates' validity; fixed, so runs are byte-identical.
SDE = {"SOURCE_DATE_EPOCH": str(int(time.time()) + 60)}
party = os.path.join(SRC, "inputs", "dang-uy-dinh-hoa")   # status: signed
state = os.path.join(SRC, "inputs", "dinh-hoa")           # status: draft
SIGN = ["--cert", P("signer.p12"), "--password-file", P("pw")]


def pdfsig(path):
    return run(["pdfsig", path]).stdout


def verify(*paths, ca=P("ca.crt"), json_out=False):
    args = [VNPLAN, "verify", *paths] + (["--ca", ca] if ca else []) + (["--json"] if json_out else [])
    return run(args)


# --- build --sign: valid, whole document, chains to the CA, qpdf clean, PDF >= 1.4. -----
r = run([VNPLAN, "build", party, "-o", P("out"), "--sign", *SIGN, "--reason", "Ban hành"], env=SDE)
check(r.returncode == 0, "build --sign exits 0: " + r.stderr)
signed = P("out/dang-uy-dinh-hoa/dang-uy-dinh-hoa.pdf")
s = pdfsig(signed)
check("Signature is Valid" in s and "Total document signed" in s, "pdfsig: valid and whole document:\n" + s)
check("ETSI.CAdES.detached" in s and "SHA-256" in s, "pdfsig: CAdES detached, SHA-256")
check(open(signed, "rb").read(8) >= b"%PDF-1.4", "PDF version at least 1.4")
q = run(["qpdf", "--check", signed])
check(q.returncode == 0 and "No syntax or stream encoding errors" in q.stdout, "qpdf --check signed file: " + q.stdout[-300:])
v = verify(signed)
check(v.returncode == 0 and "HỢP LỆ" in v.stdout and "Nguyễn Minh Tú" in v.stdout, "vnplan verify: valid\n" + v.stdout)
v = verify(signed, ca=P("other-ca.crt"))
check(v.returncode == 1, "vnplan verify against another CA: exit 1")

# The unsigned document is the byte prefix; the same run again gives the same bytes.
run([VNPLAN, "build", party, "-o", P("plain")], env=SDE)
plain = open(P("plain/dang-uy-dinh-hoa/dang-uy-dinh-hoa.pdf"), "rb").read()
check(open(signed, "rb").read().startswith(plain), "the unsigned PDF is the prefix of the signed one")
run([VNPLAN, "build", party, "-o", P("again"), "--sign", *SIGN, "--reason", "Ban hành"], env=SDE)
check(sha(signed) == sha(P("again/dang-uy-dinh-hoa/dang-uy-dinh-hoa.pdf")), "build --sign is byte-identical across runs")

# --- The body signs second: both signatures valid, the first still intact. -------------
both = P("both.pdf")
r = run([VNPLAN, "sign", signed, "--cert", P("body.p12"), "--password-file", P("pw"), "-o", both], env=SDE)
check(r.returncode == 0, "sign as body: " + r.stderr)
s = pdfsig(both)
check(s.count("Signature is Valid") == 2, "pdfsig: two valid signatures:\n" + s)
check("Not total document signed" in s and "Total document signed" in s, "first partial, second whole")
v = verify(both, json_out=True)
check(v.returncode == 0, "vnplan verify of two signatures exits 0:\n" + v.stdout)
data = json.loads(v.stdout)
sigs = data[0]["signatures"]
check(len(sigs) == 2 and all(x["valid"] and x["chains_to_ca"] for x in sigs), "JSON: two valid signatures chaining to CA")
check(sigs[0]["signer"] == "Nguyễn Minh Tú" and sigs[1]["organisation"] == "Đảng ủy xã Định Hóa", "JSON: signer names")
check(not sigs[0]["covers_whole_document"] and sigs[1]["covers_whole_document"], "JSON: coverage")
check(not sigs[0]["changed_after_signing"], "JSON: first signature not changed after (only a later signature added)")
check(run(["qpdf", "--check", both]).returncode == 0, "qpdf --check with two signatures")
# The body's stamp on each appendix's first page (a Stamp annotation with an appearance).
fz = run(["/usr/bin/python3", "-c", "import fitz,sys\nd=fitz.open(sys.argv[1])\n"
          "print(sum(1 for p in d for a in (p.annots() or []) if a.type[1]=='Stamp'))", both])
appendices = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", signed, "-"],
                            capture_output=True).stdout.count(b"/vnplan.appendix.")
check(appendices == 1 and fz.stdout.strip() == str(appendices), "one stamp per appendix (%d): %s" % (appendices, fz.stdout + fz.stderr))

# The same signer twice is refused; nothing is written.
before = sha(both)
r = run([VNPLAN, "sign", both, "--cert", P("body.p12"), "--password-file", P("pw"), "-o", P("thrice.pdf")], env=SDE)
check(r.returncode == 1 and "đã được ký bởi Đảng ủy xã Định Hóa" in r.stderr, "same signer twice refused: " + r.stderr)
check(not os.path.exists(P("thrice.pdf")) and sha(both) == before, "no output, input untouched (same signer)")

# --- A flipped byte in the signed range: both tools say invalid. -------------------------
b = bytearray(open(both, "rb").read())
i = len(plain) // 2
b[i] ^= 0x01
open(P("flipped.pdf"), "wb").write(bytes(b))
s = pdfsig(P("flipped.pdf"))
check("Signature is Valid" not in s, "pdfsig: flipped byte is not valid:\n" + s)
v = verify(P("flipped.pdf"))
check(v.returncode == 1 and "KHÔNG HỢP LỆ" in v.stdout, "vnplan verify: flipped byte invalid\n" + v.stdout)
# Bytes appended after signing are not covered by any signature.
open(P("appended.pdf"), "wb").write(open(signed, "rb").read() + b"\n% appended\n")
v = verify(P("appended.pdf"), json_out=True)
check(v.returncode == 1 and json.loads(v.stdout)[0]["signatures"][0]["changed_after_signing"], "appended bytes detected")

# --- Visible form with images: signature image and seal, both with a soft mask. ---------
imgs = P("imgs.pdf")
r = run([VNPLAN, "sign", P("plain/dang-uy-dinh-hoa/dang-uy-dinh-hoa.pdf"), *SIGN, "--signature-image", P("sig.png"),
         "--seal", P("seal.png"), "-o", imgs], env=SDE)
check(r.returncode == 0, "sign with images: " + r.stderr)
check("Signature is Valid" in pdfsig(imgs), "pdfsig: valid with images")
lst = run(["pdfimages", "-list", imgs]).stdout
check(lst.count(" smask ") >= 2, "signature image and seal carry alpha masks:\n" + lst)

# --- A file with a cross-reference stream (rewritten with object streams) gets one too.
run(["qpdf", "--object-streams=generate", P("plain/dang-uy-dinh-hoa/dang-uy-dinh-hoa.pdf"), P("objstm.pdf")])
r = run([VNPLAN, "sign", P("objstm.pdf"), *SIGN, "-o", P("objstm1.pdf")], env=SDE)
r2 = run([VNPLAN, "sign", P("objstm1.pdf"), "--cert", P("body.p12"), "--password-file", P("pw"), "-o", P("objstm2.pdf")],
         env=SDE)
check(r.returncode == 0 and r2.returncode == 0, "sign a file with an xref stream: " + r.stderr + r2.stderr)
check(pdfsig(P("objstm2.pdf")).count("Signature is Valid") == 2, "pdfsig: xref-stream file, two valid signatures")
check(run(["qpdf", "--check", P("objstm2.pdf")]).returncode == 0, "qpdf --check: xref-stream file signed twice")

# --- Refusals: each a clear message, exit 1, input untouched, no output. ----------------
src = P("plain/dang-uy-dinh-hoa/dang-uy-dinh-hoa.pdf")
src_sha = sha(src)
cases = [
    (["--cert", P("signer.p12"), "--password-file", P("badpw")], "sai mật khẩu", []),
    (["--cert", P("notp12.p12")], "không đọc được chứng thư số", []),
    (["--cert", P("expired.p12"), "--password-file", P("pw")], "đã hết hạn", []),
    (["--cert", P("future.p12"), "--password-file", P("pw")], "chưa có hiệu lực", []),
    (["--cert", P("wrong.p12"), "--password-file", P("pw")], "khóa bí mật không khớp", []),
    (["--cert", P("signer.p12"), "--password-file", P("badpw"), "--lang", "en"], "wrong password", []),
]
for n, (opts, msg, _) in enumerate(cases):
    out = P("refused-%d.pdf" % n)
    r = run([VNPLAN, "sign", src, *opts, "-o", out], env=SDE)
    check(r.returncode == 1 and msg in r.stderr, "refusal '%s': rc=%d %s" % (msg, r.returncode, r.stderr))
    check(not os.path.exists(out), "no output for '%s'" % msg)
# A fixed signing time outside the certificate's validity (the document's 2025 date).
env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
subprocess.run([VNPLAN, "build", party, "-o", P("dated")], capture_output=True, env=env)
dated = P("dated/dang-uy-dinh-hoa/dang-uy-dinh-hoa.pdf")
r = subprocess.run([VNPLAN, "sign", dated, *SIGN, "--signing-time", "document", "-o", P("then.pdf")],
                   capture_output=True, text=True, env=env)
check(r.returncode == 1 and "không có hiệu lực vào thời điểm ký" in r.stderr and not os.path.exists(P("then.pdf")),
      "certificate not valid at the document's date: " + r.stderr)
check(sha(src) == src_sha, "input untouched after refusals")
# A PDF vnplan did not make (qpdf rewrites it without vnplan's Info).
run(["qpdf", "--empty", "--pages", src, "1", "--", P("foreign.pdf")])
r = run([VNPLAN, "sign", P("foreign.pdf"), *SIGN, "-o", P("foreign-signed.pdf")], env=SDE)
check(r.returncode == 1 and "không phải văn bản PDF do vnplan tạo" in r.stderr, "foreign PDF refused: " + r.stderr)
check(not os.path.exists(P("foreign-signed.pdf")), "no output for a foreign PDF")

# Drafts: the plan's status (build --sign), the PDF's record (sign), the report's own status.
r = run([VNPLAN, "build", state, "-o", P("draft"), "--sign", *SIGN], env=SDE)
check(r.returncode == 1 and "dự thảo" in r.stderr, "build --sign of a draft refused: " + r.stderr)
check(not os.path.exists(P("draft/dinh-hoa")), "nothing written for a refused draft")
run([VNPLAN, "build", state, "-o", P("draft2")], env=SDE)
r = run([VNPLAN, "sign", P("draft2/dinh-hoa/dinh-hoa.pdf"), *SIGN, "-o", P("draft-signed.pdf")], env=SDE)
check(r.returncode == 1 and "dự thảo" in r.stderr and not os.path.exists(P("draft-signed.pdf")), "sign of a draft PDF refused")
r = run([VNPLAN, "report", party, "--period", "2026-H1", "-o", P("rep"), "--sign", *SIGN], env=SDE)
check(r.returncode == 1 and "dự thảo" in r.stderr, "report --sign of a draft report refused: " + r.stderr)
check(not os.path.exists(P("rep/dang-uy-dinh-hoa/dang-uy-dinh-hoa-bao-cao-2026-H1.pdf")), "no report written")
# A report whose own status is signed (the 2025 annual report) is signed in the same step.
r = run([VNPLAN, "report", party, "--period", "2025", "-o", P("rep"), "--sign", *SIGN], env=SDE)
check(r.returncode == 0, "report --sign of a signed report: " + r.stderr)
rep_pdf = P("rep/dang-uy-dinh-hoa/dang-uy-dinh-hoa-bao-cao-2025.pdf")
s = pdfsig(rep_pdf)
check("Signature is Valid" in s and "Total document signed" in s, "pdfsig: signed report valid, whole document:\n" + s)
check(verify(rep_pdf).returncode == 0, "vnplan verify: signed report valid")
check(run(["qpdf", "--check", rep_pdf]).returncode == 0, "qpdf --check: signed report")

# Usage: signing without --cert is a usage error (exit 2).
r = run([VNPLAN, "sign", src])
check(r.returncode == 2 and "--cert" in r.stderr, "sign without --cert exits 2: " + r.stderr)

# An unsigned file: verify says so and exits 1.
v = verify(src)
check(v.returncode == 1, "verify of an unsigned PDF exits 1")

if failures:
    print("%d failure(s); files kept in %s" % (len(failures), T))
    sys.exit(1)
shutil.rmtree(T)
print("ok")
