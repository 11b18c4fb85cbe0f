// vnplan command line: validate, build, report, due.
#include <Poco/Util/Application.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionSet.h>

#include <iostream>

#include "cli/commands.hpp"

#ifndef VNPLAN_VERSION
#define VNPLAN_VERSION "0.0.0"
#endif

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
    options.addOption(Option("today", "", "ngày tham chiếu YYYY-MM-DD / reference date")
                          .argument("DATE")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onToday)));
    options.addOption(Option("within", "", "due: số ngày tính là sắp đến hạn (mặc định 30) / days ahead counted as coming")
                          .argument("DAYS")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onWithin)));
    options.addOption(Option("units", "", "collect, ingest, consolidate: danh mục đơn vị units.yaml / units directory")
                          .argument("FILE")
                          .callback(OptionCallback<VnplanApp>(this, &VnplanApp::onUnits)));
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
  void onOutput(const std::string&, const std::string& v) { opts.outDir = v; }
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

  int main(const std::vector<std::string>& args) override {
    if (versionRequested) {
      std::cout << "vnplan " << VNPLAN_VERSION << "\n";
      return 0;
    }
    if (helpRequested || args.empty()) {
      Poco::Util::HelpFormatter hf(options());
      hf.setCommand("vnplan");
      hf.setUsage("validate PLAN_DIR... | build PLAN_DIR... [-o DIR] | report PLAN_DIR --period P [-o DIR] | due [ROOT] [--today YYYY-MM-DD] [--within DAYS] | collect PLAN_DIR --period P [--units FILE] [-o DIR] | ingest PLAN_DIR FILE.xlsx... [--period P] [--today YYYY-MM-DD] [-o DIR] | consolidate PLAN_DIR --period P [--units FILE] [-o DIR]");
      hf.setHeader(
          "vnplan — lập Kế hoạch và Báo cáo (PDF, XLSX) từ dữ liệu YAML.\n"
          "Mã thoát / exit codes: 0 thành công / ok; 1 dữ liệu lỗi / invalid input; 2 sai cú pháp lệnh / usage "
          "error; 3 (due) có báo cáo đến hạn mà thiếu dữ liệu / a report is due and data is missing.");
      hf.format(std::cout);
      return helpRequested ? 0 : vnplan::kExitUsage;
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    return vnplan::runCommand(args[0], rest, opts);
  }
};

}  // namespace

int main(int argc, char** argv) {
  VnplanApp app;
  try {
    app.init(argc, argv);
  } catch (const Poco::Exception& e) {
    bool en = false;
    for (int i = 1; i < argc; ++i)
      if (std::string(argv[i]) == "--lang=en" || (std::string(argv[i]) == "--lang" && i + 1 < argc && std::string(argv[i + 1]) == "en"))
        en = true;
    std::cerr << "vnplan: " << (en ? "usage error: " : "sai cú pháp lệnh: ") << e.displayText() << "\n"
              << (en ? "See vnplan --help.\n" : "Xem vnplan --help.\n");
    return vnplan::kExitUsage;
  }
  return app.run();
}
