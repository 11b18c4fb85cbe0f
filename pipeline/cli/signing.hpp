#pragma once
// The signing step shared by `sign`, `build --sign` and `report --sign` (issue #11).
#include <cstdint>
#include <string>

#include "cli/commands.hpp"

namespace vnplan {

struct SignFailure;

// What the signing options name, read once: the certificate file and its password.
struct SignSetup {
  SignCliOptions options;
  std::string p12;
  std::string password;
};

// Reads the certificate and password files; on failure prints why and returns the exit
// code (kExitUsage without --cert, kExitInvalid for an unreadable file), else kExitOk.
int prepareSigning(const CliOptions& o, SignSetup& setup);

// Signs `pdf`; `documentTime` is the document's own date (for --signing-time document).
// Throws SignFailure.
std::string signDocument(const std::string& pdf, const SignSetup& setup, std::int64_t documentTime);

// "FILE: lỗi: message" in the chosen language.
std::string signFailureText(const SignFailure& f, const std::string& file, Lang lang);

}  // namespace vnplan
