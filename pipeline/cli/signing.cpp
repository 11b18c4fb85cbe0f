#include "cli/signing.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "render/pdf/font_files.hpp"
#include "sign/pdf_signer.hpp"
#include "sign/sign_error.hpp"
#include "sign/signing_identity.hpp"

namespace vnplan {

namespace {

bool readFile(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

}  // namespace

int prepareSigning(const CliOptions& o, SignSetup& setup) {
  setup.options = o.signing;
  const SignCliOptions& s = o.signing;
  if (s.certPath.empty())
    return usageError(o.lang == Lang::En ? "signing needs --cert FILE.p12" : "ký số cần --cert FILE.p12", o.lang);
  auto fail = [&](const std::string& path) {
    std::cerr << formatDiagnostic({Severity::Error, path, 0, 0, MsgId::FileNotFound, {path}}, o.lang) << "\n";
    return kExitInvalid;
  };
  if (!readFile(s.certPath, setup.p12)) return fail(s.certPath);
  if (!s.passwordFile.empty()) {
    if (!readFile(s.passwordFile, setup.password)) return fail(s.passwordFile);
    // The first line; a trailing newline is not part of the password.
    setup.password = setup.password.substr(0, setup.password.find_first_of("\r\n"));
  } else if (const char* env = std::getenv("VNPLAN_CERT_PASSWORD")) {
    setup.password = env;
  }
  for (const std::string* img : {&s.signatureImage, &s.sealImage}) {
    std::string probe;
    if (!img->empty() && !readFile(*img, probe)) return fail(*img);
  }
  return kExitOk;
}

std::string signDocument(const std::string& pdf, const SignSetup& setup, std::int64_t documentTime) {
  const std::int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  // The certificate must be valid now, when the key is used…
  SigningIdentity id = loadSigningIdentity(setup.p12, setup.options.certPath, setup.password, now);
  // …and the time written into the signature is now, or a fixed one when asked.
  std::int64_t when = now;
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde)
    when = std::atoll(sde);
  else if (setup.options.signingTime == "document")
    when = documentTime;
  SignRequest req;
  req.identity = &id;
  req.reason = setup.options.reason;
  req.signatureImagePath = setup.options.signatureImage;
  req.sealImagePath = setup.options.sealImage;
  req.sealDiameterMm = setup.options.sealMm;
  req.signingTime = when;
  req.stampFontPath = findFonts(defaultFontDirs()).paths[0];
  return signPdf(pdf, req);
}

std::string signFailureText(const SignFailure& f, const std::string& file, Lang lang) {
  return formatDiagnostic({Severity::Error, file, 0, 0, f.id, f.args}, lang);
}

}  // namespace vnplan
