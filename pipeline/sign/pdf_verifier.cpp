#include "sign/pdf_verifier.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "sign/cms_signature.hpp"

namespace vnplan {

namespace {

void collectSigFields(QPDFObjectHandle fields, std::vector<QPDFObjectHandle>& out, int depth = 0) {
  if (!fields.isArray() || depth > 8) return;
  for (int i = 0; i < fields.getArrayNItems(); ++i) {
    QPDFObjectHandle f = fields.getArrayItem(i);
    if (!f.isDictionary()) continue;
    if (f.getKey("/Kids").isArray() && !f.getKey("/FT").isName())
      collectSigFields(f.getKey("/Kids"), out, depth + 1);
    else if (f.getKey("/FT").isNameAndEquals("/Sig") && f.getKey("/V").isDictionary())
      out.push_back(f);
  }
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

PdfCheck verifyPdf(const std::string& pdf, const std::string& caFile) {
  PdfCheck out;
  QPDF q;
  q.setSuppressWarnings(true);
  std::vector<QPDFObjectHandle> fields;
  try {
    q.processMemoryFile("input.pdf", pdf.data(), pdf.size());
    QPDFObjectHandle form = q.getRoot().getKey("/AcroForm");
    if (form.isDictionary()) collectSigFields(form.getKey("/Fields"), fields);
  } catch (const std::exception& e) {
    out.error = e.what();
    return out;
  }
  std::vector<size_t> signedEnd;
  for (auto& f : fields) {
    SignatureCheck c;
    if (f.getKey("/T").isString()) c.field = f.getKey("/T").getUTF8Value();
    QPDFObjectHandle v = f.getKey("/V");
    if (v.getKey("/M").isString()) c.pdfTime = v.getKey("/M").getUTF8Value();
    QPDFObjectHandle br = v.getKey("/ByteRange");
    long long r[4] = {-1, -1, -1, -1};
    if (br.isArray() && br.getArrayNItems() == 4)
      for (int i = 0; i < 4; ++i)
        if (br.getArrayItem(i).isInteger()) r[i] = br.getArrayItem(i).getIntValue();
    const long long n = static_cast<long long>(pdf.size());
    // The range must start at 0, leave exactly the hex string of /Contents out and stay
    // inside the file; anything else is not a range a verifier may trust.
    if (r[0] != 0 || r[1] <= 0 || r[2] <= r[1] + 1 || r[3] < 0 || r[2] + r[3] > n || pdf[static_cast<size_t>(r[1])] != '<' ||
        pdf[static_cast<size_t>(r[2] - 1)] != '>') {
      c.problem = "ByteRange";
      signedEnd.push_back(0);
      out.signatures.push_back(c);
      continue;
    }
    // The signature value is read from the file's hole itself, not from the parsed object.
    std::string der;
    for (long long i = r[1] + 1; i + 1 < r[2] - 1; i += 2) {
      int hi = hexValue(pdf[static_cast<size_t>(i)]), lo = hexValue(pdf[static_cast<size_t>(i + 1)]);
      if (hi < 0 || lo < 0) break;
      der += static_cast<char>(hi * 16 + lo);
    }
    // The zero padding after the DER stays: the parser reads the length the DER declares
    // (a signature may well end in a zero byte).
    const std::string data = pdf.substr(0, static_cast<size_t>(r[1])) + pdf.substr(static_cast<size_t>(r[2]), static_cast<size_t>(r[3]));
    CmsCheck k = checkCadesSignature(der, data, caFile);
    c.signer = k.commonName;
    c.organisation = k.organisation;
    c.signingTime = k.signingTime;
    c.intact = k.parsed && k.intact;
    c.coversWholeDocument = r[2] + r[3] == n;
    c.chainChecked = k.chainChecked;
    c.chainOk = k.chainOk;
    c.problem = !k.parsed || !k.intact ? (k.detail.empty() ? "digest mismatch" : k.detail) : k.chainDetail;
    signedEnd.push_back(c.intact ? static_cast<size_t>(r[2] + r[3]) : 0);
    out.signatures.push_back(c);
  }
  // Bytes after a signature's range are acceptable when a later intact signature covers
  // the whole file (the usual case: the body signs after the signer). What that later
  // update contains is vouched for by its own signer.
  bool wholeSigned = false;
  for (size_t i = 0; i < out.signatures.size(); ++i)
    wholeSigned = wholeSigned || (out.signatures[i].intact && out.signatures[i].coversWholeDocument);
  for (auto& c : out.signatures) {
    c.changedAfterSigning = !c.intact || (!c.coversWholeDocument && !wholeSigned);
    c.valid = c.intact && !c.changedAfterSigning && (!c.chainChecked || c.chainOk);
  }
  return out;
}

}  // namespace vnplan
