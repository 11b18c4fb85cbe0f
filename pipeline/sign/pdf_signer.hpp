#pragma once
// Signs a PDF made by vnplan: appends an incremental update (signature dictionary,
// field and widget with the visible form of ND30, updated AcroForm and pages, an xref
// section of the same kind as the file's, trailer with /Prev) and a CAdES-detached CMS
// signature over every byte but the signature value. The original bytes stay the prefix.
#include <cstdint>
#include <optional>
#include <string>

#include "sign/signing_identity.hpp"

namespace vnplan {

struct SignRequest {
  const SigningIdentity* identity = nullptr;
  std::string reason;
  std::string signatureImagePath;  // PNG, optional
  std::string sealImagePath;       // PNG, optional
  double sealDiameterMm = 36;      // the seal's real width on paper
  std::string stampFontPath;       // TrueType face of text stamps (the document's regular face)
  std::int64_t signingTime = 0;    // Unix seconds
};

// Throws SignFailure: not a vnplan PDF, a draft, no signature block, already signed with
// this certificate, unreadable images, certificate not valid at the signing time.
// The first signature is the signer's (signature image, or a text stamp); any later one is
// the body's (seal, or a text stamp, plus a small stamp on each appendix's first page).
std::string signPdf(const std::string& pdf, const SignRequest& req);

// The document's creation time (Info /CreationDate, which vnplan sets from the plan's
// date or SOURCE_DATE_EPOCH), if the file has one.
std::optional<std::int64_t> pdfCreationTime(const std::string& pdf);

// "27/11/2026 14:05:00 +07:00" (Vietnam time) for Unix seconds.
std::string vietnamTimeText(std::int64_t t);

}  // namespace vnplan
