// `vnplan sign PDF --cert FILE.p12 [...] [-o OUT]`: signs a PDF made by vnplan (issue #11).
#include <fstream>
#include <iostream>
#include <sstream>

#include "batch/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/signing.hpp"
#include "sign/pdf_signer.hpp"
#include "sign/sign_error.hpp"

namespace vnplan {

int cmdSign(const std::vector<std::string>& args, const CliOptions& o) {
  const bool en = o.lang == Lang::En;
  if (args.size() != 1) return usageError(en ? "sign needs one PDF" : "sign cần đúng một tệp PDF", o.lang);
  SignSetup setup;
  if (int rc = prepareSigning(o, setup)) return rc;
  const std::string& in = args[0];
  std::ifstream f(in, std::ios::binary);
  if (!f) {
    std::cerr << formatDiagnostic({Severity::Error, in, 0, 0, MsgId::FileNotFound, {in}}, o.lang) << "\n";
    return kExitInvalid;
  }
  std::ostringstream ss;
  ss << f.rdbuf();
  const std::string pdf = ss.str();
  // Without -o the signed file replaces the input, atomically and only once signing
  // succeeded: signer and body sign the same file one after the other.
  const std::string out = o.outGiven ? o.outDir : in;
  try {
    std::string signedPdf = signDocument(pdf, setup, pdfCreationTime(pdf).value_or(0));
    writeBytesAtomically(out, signedPdf);
  } catch (const SignFailure& e) {
    std::cerr << signFailureText(e, in, o.lang) << "\n";
    return kExitInvalid;
  } catch (const std::exception& e) {
    std::cerr << in << ": " << (en ? "error: " : "lỗi: ") << e.what() << "\n";
    return kExitInvalid;
  }
  std::cout << out << "\n";
  return kExitOk;
}

}  // namespace vnplan
