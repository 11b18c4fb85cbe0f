// vnplan command line: validate, build, report, due, run, synth.
#include <Poco/Util/Application.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionSet.h>

#include <cstdlib>
#include <csignal>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/version_info.hpp"

namespace {

using Poco::Util::Option;
using Poco::Util::OptionCallback;

class VnplanApp : public Poco::Util::Application {
 public:
  vnplan::CliOptions opts;
  bool helpRequested = false;
  bool versionRequested = false;

 protected:
  void initialize(Application& self) override {
    // No configuration files: the tool's behaviour depends on its arguments only.
    (void)self;
  }

  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("help", "h", "hiển thị trợ giúp / show help")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onHelp)));
    options.addOption(Option("version", "V", "phiên bản / show version")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onVersion)));
    options.addOption(Option("lang", "", "ngôn ngữ thông báo: vi (mặc định) hoặc en / message language")
                          .argument("LANG")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onLang)));
    options.addOption(Option("output", "o", "thư mục kết quả (mặc định outputs/) / output directory")
                          .argument("DIR")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onOutput)));
    options.addOption(Option("period", "p", "kỳ báo cáo: 2026-H1, 2026, 2026-Q1 / report period")
                          .argument("P")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onPeriod)));
    options.addOption(Option("today", "", "ngày tham chiếu dd/mm/yyyy / reference date")
                          .argument("DATE")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onToday)));
    options.addOption(Option("within", "", "due: số ngày tính là sắp đến hạn (mặc định 30) / days ahead counted as coming")
                          .argument("DAYS")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onWithin)));
    // Issue #11: digital signatures.
    options.addOption(Option("sign", "", "build/report: ký số văn bản PDF sau cùng / sign the PDF last")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onSign)));
    options.addOption(Option("cert", "", "chứng thư số PKCS#12 (.p12) / signing certificate")
                          .argument("FILE")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onCert)));
    options.addOption(Option("password-file", "", "tệp chứa mật khẩu chứng thư / certificate password file")
                          .argument("FILE")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onPasswordFile)));
    options.addOption(Option("reason", "", "lý do ký / signing reason")
                          .argument("TEXT")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onReason)));
    options.addOption(Option("signature-image", "", "ảnh chữ ký PNG / signature image")
                          .argument("PNG")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onSignatureImage)));
    options.addOption(Option("seal", "", "ảnh con dấu PNG / seal image")
                          .argument("PNG")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onSeal)));
    options.addOption(Option("seal-size", "", "đường kính con dấu, mm (mặc định 36) / seal width in mm")
                          .argument("MM")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onSealSize)));
    options.addOption(Option("signing-time", "", "thời điểm ký: now (mặc định) hoặc document / signing time")
                          .argument("WHEN")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onSigningTime)));
    options.addOption(Option("ca", "", "verify: chứng thư CA (PEM) / CA bundle")
                          .argument("FILE")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onCa)));
    options.addOption(Option("json", "", "verify: kết quả JSON / JSON output")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onJson)));
    options.addOption(Option("shard", "", "run: chỉ xử lý phần I trong N phần (I = 0…N-1) / process shard I of N")
                          .argument("I/N")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onShard)));
    options.addOption(Option("units", "", "collect, ingest, consolidate: danh mục đơn vị units.yaml; synth: số đơn vị / units directory; synth: number of units")
                          .argument("FILE|N")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onUnits)));
    options.addOption(Option("seed", "", "synth: hạt giống ngẫu nhiên / random seed")
                          .argument("S")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onSeed)));
    options.addOption(Option("issuer", "", "new: cơ quan ban hành, ví dụ \"UBND xã Tân Lập\" / issuing body")
                          .argument("TEXT")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onIssuer)));
    options.addOption(Option("family", "", "new: state (mặc định) hoặc party / document family")
                          .argument("FAMILY")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onFamily)));
    options.addOption(Option("jobs", "j", "số luồng song song / worker threads")
                          .argument("N")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onJobs)));
  }

  void onHelp(const std::string&, const std::string&) {
    helpRequested = true;
    stopOptionsProcessing();
  }
  void onVersion(const std::string&, const std::string&) {
    versionRequested = true;
    stopOptionsProcessing();
  }
  void onLang(const std::string&, const std::string& v) {
    if (v == "en")
      opts.lang = vnplan::Lang::En;
    else if (v == "vi")
      opts.lang = vnplan::Lang::Vi;
    else
      throw Poco::Util::InvalidArgumentException("--lang: vi | en");
  }
  void onOutput(const std::string&, const std::string& v) {
    opts.outDir = v;
    opts.outGiven = true;
  }
  void onSign(const std::string&, const std::string&) { opts.signing.requested = true; }
  void onCert(const std::string&, const std::string& v) { opts.signing.certPath = v; }
  void onPasswordFile(const std::string&, const std::string& v) { opts.signing.passwordFile = v; }
  void onReason(const std::string&, const std::string& v) { opts.signing.reason = v; }
  void onSignatureImage(const std::string&, const std::string& v) { opts.signing.signatureImage = v; }
  void onSeal(const std::string&, const std::string& v) { opts.signing.sealImage = v; }
  void onSealSize(const std::string&, const std::string& v) {
    char* end = nullptr;
    double mm = std::strtod(v.c_str(), &end);
    if (v.empty() || *end || !(mm >= 10 && mm <= 80)) throw Poco::Util::InvalidArgumentException("--seal-size: MM (10…80)");
    opts.signing.sealMm = mm;
  }
  void onSigningTime(const std::string&, const std::string& v) {
    if (v != "now" && v != "document") throw Poco::Util::InvalidArgumentException("--signing-time: now | document");
    opts.signing.signingTime = v;
  }
  void onCa(const std::string&, const std::string& v) { opts.signing.caFile = v; }
  void onJson(const std::string&, const std::string&) { opts.signing.json = true; }
  void onIssuer(const std::string&, const std::string& v) { opts.issuer = v; }
  void onFamily(const std::string&, const std::string& v) {
    if (v != "state" && v != "party") throw Poco::Util::InvalidArgumentException("--family: state | party");
    opts.family = v;
  }
  void onPeriod(const std::string&, const std::string& v) { opts.period = v; }
  void onUnits(const std::string&, const std::string& v) { opts.unitsFile = v; }
  void onToday(const std::string&, const std::string& v) { opts.today = v; }
  void onWithin(const std::string&, const std::string& v) {
    if (v.empty() || v.size() > 4 || v.find_first_not_of("0123456789") != std::string::npos)
      throw Poco::Util::InvalidArgumentException("--within: DAYS (0…9999)");
    opts.withinDays = std::stoi(v);
  }
  void onJobs(const std::string&, const std::string& v) {
    try {
      opts.jobs = std::stoi(v);
    } catch (...) {
      throw Poco::Util::InvalidArgumentException("--jobs: N");
    }
  }

  static unsigned long long parseCount(const std::string& v, unsigned long long max, const char* what) {
    if (v.empty() || v.size() > 19 || v.find_first_not_of("0123456789") != std::string::npos)
      throw Poco::Util::InvalidArgumentException(what);
    const unsigned long long n = std::stoull(v);
    if (n > max) throw Poco::Util::InvalidArgumentException(what);
    return n;
  }
  void onShard(const std::string&, const std::string& v) {
    const auto slash = v.find('/');
    const char* what = "--shard: I/N, 0 <= I < N";
    if (slash == std::string::npos) throw Poco::Util::InvalidArgumentException(what);
    const auto index = parseCount(v.substr(0, slash), 1000000, what);
    const auto count = parseCount(v.substr(slash + 1), 1000000, what);
    if (count == 0 || index >= count) throw Poco::Util::InvalidArgumentException(what);
    opts.shardIndex = static_cast<unsigned>(index);
    opts.shardCount = static_cast<unsigned>(count);
  }
  void onSeed(const std::string&, const std::string& v) { opts.seed = parseCount(v, ~0ULL, "--seed: S (0…2^64-1)"); }

  int main(const std::vector<std::string>& args) override {
    if (versionRequested) {
      vnplan::printVersion(std::cout);
      return 0;
    }
    if (helpRequested || args.empty()) {
      Poco::Util::HelpFormatter hf(options());
      hf.setCommand("vnplan");
      hf.setUsage(
          "validate PLAN_DIR... | build PLAN_DIR... [-o DIR] [--sign ...] | report PLAN_DIR --period P [-o DIR] [--sign ...] | "
          "due [ROOT] [--today dd/mm/yyyy] [--within DAYS] [-o DIR] | run ROOT --period P [-j N] [--shard I/N] [--today YYYY-MM-DD] [-o DIR] | "
          "synth --units N [--seed S] [--period P] -o DIR | sign PDF --cert FILE.p12 [--password-file F] [--reason TEXT] "
          "[--signature-image SIG.png] [--seal SEAL.png] [--seal-size MM] [--signing-time now|document] [-o OUT] | "
          "verify PDF... [--ca FILE] [--json] | collect PLAN_DIR --period P [--units FILE] [-o DIR] | "
           "new PLAN_DIR --issuer NAME [--family state|party] | ingest PLAN_DIR FILE.xlsx... [--period P] [--today YYYY-MM-DD] [-o DIR] | consolidate PLAN_DIR --period P [--units FILE] [-o DIR]");
      hf.setHeader(
          "vnplan — lập Kế hoạch và Báo cáo (PDF, XLSX) từ dữ liệu YAML.\n"
          "Mã thoát / exit codes: 0 thành công / ok; 1 dữ liệu lỗi / invalid input; 2 sai cú pháp lệnh / usage "
          "error; 3 (due) có báo cáo đến hạn mà thiếu dữ liệu / a report is due and data is missing; 4 (run) "
          "một lượt run khác đang ghi OUT_DIR / another run holds OUT_DIR.");
      hf.format(std::cout);
      return helpRequested ? 0 : vnplan::kExitUsage;
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    return vnplan::runCommand(args[0], rest, opts);
  }
};

}  // namespace

// Poco's option errors are English library sentences; say them in the user's language.
static std::string optionErrorText(const Poco::Exception& e, bool en) {
  const std::string what = e.message();
  if (dynamic_cast<const Poco::Util::UnknownOptionException*>(&e))
    return (en ? "unknown option: " : "tùy chọn không có: ") + what;
  if (dynamic_cast<const Poco::Util::AmbiguousOptionException*>(&e))
    return (en ? "ambiguous option: " : "tùy chọn viết tắt không rõ: ") + what;
  if (dynamic_cast<const Poco::Util::MissingArgumentException*>(&e))
    return (en ? "the option needs a value: " : "tùy chọn cần giá trị: ") + what;
  if (dynamic_cast<const Poco::Util::UnexpectedArgumentException*>(&e))
    return (en ? "the option takes no value: " : "tùy chọn không nhận giá trị: ") + what;
  if (dynamic_cast<const Poco::Util::DuplicateOptionException*>(&e))
    return (en ? "option given twice: " : "tùy chọn bị lặp: ") + what;
  if (dynamic_cast<const Poco::Util::InvalidArgumentException*>(&e))
    return (en ? "invalid value: " : "giá trị không hợp lệ: ") + what;
  return (en ? "invalid command line: " : "dòng lệnh không hợp lệ: ") + what;
}

int main(int argc, char** argv) {
  // Over a file size limit (ulimit -f) write() must fail with EFBIG, reported and
  // cleaned up like any write error, instead of the default SIGXFSZ killing the process.
  std::signal(SIGXFSZ, SIG_IGN);
  VnplanApp app;
  try {
    app.init(argc, argv);
  } catch (const Poco::Exception& e) {
    bool en = false;
    for (int i = 1; i < argc; ++i)
      if (std::string(argv[i]) == "--lang=en" || (std::string(argv[i]) == "--lang" && i + 1 < argc && std::string(argv[i + 1]) == "en"))
        en = true;
    std::cerr << "vnplan: " << (en ? "usage error: " : "sai cú pháp lệnh: ") << optionErrorText(e, en) << "\n"
              << (en ? "See vnplan --help.\n" : "Xem vnplan --help.\n");
    return vnplan::kExitUsage;
  }
  return app.run();
}
