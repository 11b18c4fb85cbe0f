#pragma once
// CMS (PKCS#7) signatures as PAdES wants them: CAdES detached, SHA-256, with the ESS
// signing-certificate-v2 attribute; made and checked by OpenSSL.
#include <cstdint>
#include <optional>
#include <string>

#include "sign/signing_identity.hpp"

namespace vnplan {

// DER of a detached signature over `data`, with a signingTime attribute of `signingTime`
// (Unix seconds). With an RSA key the bytes depend only on the inputs.
std::string makeCadesSignature(const SigningIdentity& id, const std::string& data, std::int64_t signingTime);

struct CmsCheck {
  bool parsed = false;
  bool intact = false;  // digest and signature value match `data`
  std::string detail;   // OpenSSL's reason when not intact
  std::string commonName, organisation;
  std::optional<std::int64_t> signingTime;  // signed attribute, if any
  bool chainChecked = false, chainOk = false;
  std::string chainDetail;
};

// Checks a detached signature over `data`. With `caFile`, also whether the signer's
// certificate chains to a certificate in that PEM bundle (at the signing time).
CmsCheck checkCadesSignature(const std::string& der, const std::string& data, const std::string& caFile);

// True if `der` is a signature made with `cert` (same issuer and serial number).
bool signedWithCertificate(const std::string& der, X509* cert, std::string* signerName);

}  // namespace vnplan
