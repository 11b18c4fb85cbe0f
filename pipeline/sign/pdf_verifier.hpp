#pragma once
// Checks every signature of a PDF: CMS over its byte range, whether that range is the
// whole file, whether bytes were changed or added after signing, and (with a CA bundle)
// whether the signer's certificate chains to it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vnplan {

struct SignatureCheck {
  std::string field;
  std::string signer, organisation;
  std::optional<std::int64_t> signingTime;  // from the CMS signingTime attribute
  std::string pdfTime;                      // the signature dictionary's /M, as written
  bool intact = false;                      // the signed bytes hash to the signed digest
  bool coversWholeDocument = false;         // the byte range ends at the end of the file
  bool changedAfterSigning = true;          // signed bytes altered, or later bytes not signed
  bool chainChecked = false, chainOk = false;
  bool valid = false;
  std::string problem;                      // OpenSSL's or the chain's reason, if any
};

struct PdfCheck {
  std::vector<SignatureCheck> signatures;
  std::string error;  // the file could not be read as PDF
};

PdfCheck verifyPdf(const std::string& pdf, const std::string& caFile);

}  // namespace vnplan
