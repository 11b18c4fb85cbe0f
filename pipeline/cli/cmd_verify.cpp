// `vnplan verify PDF... [--ca FILE] [--json]`: checks the signatures of received PDFs
// (issue #11). Exit 0 when every file has signatures and all are valid, 1 otherwise.
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "model/text.hpp"
#include "sign/pdf_signer.hpp"
#include "sign/pdf_verifier.hpp"

namespace vnplan {

namespace {

std::string jsonString(const std::string& s) {
  std::string o = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      o += '\\';
      o += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      o += buf;
    } else {
      o += static_cast<char>(c);
    }
  }
  return o + "\"";
}

std::string isoTime(std::int64_t t) {
  std::time_t vt = static_cast<std::time_t>(t + 7 * 3600);
  std::tm tm{};
  gmtime_r(&vt, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

size_t columns(const std::string& s) { return decodeUtf8(s).size(); }

struct FileResult {
  std::string path;
  std::string error;
  PdfCheck check;
  bool ok = false;
};

}  // namespace

int cmdVerify(const std::vector<std::string>& args, const CliOptions& o) {
  const bool en = o.lang == Lang::En;
  if (args.empty()) return usageError(en ? "verify needs PDF" : "verify cần tệp PDF", o.lang);
  const std::string& ca = o.signing.caFile;
  if (!ca.empty() && !std::ifstream(ca)) {
    std::cerr << formatDiagnostic({Severity::Error, ca, 0, 0, MsgId::FileNotFound, {ca}}, o.lang) << "\n";
    return kExitInvalid;
  }
  std::vector<FileResult> results;
  bool allOk = true;
  for (const auto& path : args) {
    FileResult r;
    r.path = path;
    std::ifstream f(path, std::ios::binary);
    if (!f) {
      r.error = messageText(MsgId::FileNotFound, {path}, o.lang);
    } else {
      std::ostringstream ss;
      ss << f.rdbuf();
      r.check = verifyPdf(ss.str(), ca);
      if (!r.check.error.empty())
        r.error = messageText(MsgId::VerifyUnreadable, {r.check.error}, o.lang);
      else if (r.check.signatures.empty())
        r.error = messageText(MsgId::VerifyNoSignature, {}, o.lang);
    }
    r.ok = r.error.empty();
    for (const auto& s : r.check.signatures) r.ok = r.ok && s.valid;
    allOk = allOk && r.ok;
    results.push_back(std::move(r));
  }

  if (o.signing.json) {
    std::cout << "[\n";
    for (size_t i = 0; i < results.size(); ++i) {
      const FileResult& r = results[i];
      std::cout << "  {\"file\": " << jsonString(r.path) << ", \"valid\": " << (r.ok ? "true" : "false");
      if (!r.error.empty()) std::cout << ", \"error\": " << jsonString(r.error);
      std::cout << ", \"signatures\": [";
      for (size_t k = 0; k < r.check.signatures.size(); ++k) {
        const SignatureCheck& s = r.check.signatures[k];
        std::cout << (k ? ",\n" : "\n") << "    {\"field\": " << jsonString(s.field)
                  << ", \"signer\": " << jsonString(s.signer) << ", \"organisation\": " << jsonString(s.organisation)
                  << ", \"signing_time\": " << (s.signingTime ? jsonString(isoTime(*s.signingTime)) : "null")
                  << ", \"covers_whole_document\": " << (s.coversWholeDocument ? "true" : "false")
                  << ", \"changed_after_signing\": " << (s.changedAfterSigning ? "true" : "false")
                  << ", \"chains_to_ca\": " << (!s.chainChecked ? "null" : s.chainOk ? "true" : "false")
                  << ", \"valid\": " << (s.valid ? "true" : "false");
        if (!s.problem.empty()) std::cout << ", \"problem\": " << jsonString(s.problem);
        std::cout << "}";
      }
      std::cout << (r.check.signatures.empty() ? "]}" : "\n  ]}") << (i + 1 < results.size() ? ",\n" : "\n");
    }
    std::cout << "]\n";
    return allOk ? kExitOk : kExitInvalid;
  }

  auto yesNo = [&](bool v) { return en ? (v ? "yes" : "no") : (v ? "có" : "không"); };
  std::vector<std::vector<std::string>> rows;
  rows.push_back(en ? std::vector<std::string>{"file", "signature", "signer", "organisation", "signing time", "whole document",
                                               "changed after", "chains to CA", "result"}
                    : std::vector<std::string>{"tệp", "chữ ký", "người ký", "cơ quan", "thời gian ký", "toàn văn bản",
                                               "sửa sau khi ký", "tới CA", "kết quả"});
  for (const auto& r : results) {
    if (!r.error.empty()) rows.push_back({r.path, "-", "-", "-", "-", "-", "-", "-", r.error});
    for (const auto& s : r.check.signatures)
      rows.push_back({r.path, s.field, s.signer, s.organisation, s.signingTime ? vietnamTimeText(*s.signingTime) : s.pdfTime,
                      yesNo(s.coversWholeDocument), yesNo(s.changedAfterSigning),
                      !s.chainChecked ? (en ? "not checked" : "không kiểm tra") : yesNo(s.chainOk),
                      s.valid ? (en ? "VALID" : "HỢP LỆ")
                              : std::string(en ? "INVALID" : "KHÔNG HỢP LỆ") + (s.problem.empty() ? "" : " (" + s.problem + ")")});
  }
  std::vector<size_t> w(rows[0].size(), 0);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c) w[c] = std::max(w[c], columns(row[c]));
  for (size_t i = 0; i < rows.size(); ++i) {
    std::string line;
    for (size_t c = 0; c < rows[i].size(); ++c) {
      line += rows[i][c];
      if (c + 1 < rows[i].size()) line += std::string(w[c] - columns(rows[i][c]) + 2, ' ');
    }
    std::cout << line << "\n";
    if (i == 0) {
      size_t total = 0;
      for (size_t c = 0; c < w.size(); ++c) total += w[c] + (c + 1 < w.size() ? 2 : 0);
      std::cout << std::string(total, '-') << "\n";
    }
  }
  return allOk ? kExitOk : kExitInvalid;
}

}  // namespace vnplan
