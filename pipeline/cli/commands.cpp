#include "cli/commands.hpp"

#include <iostream>

#include "load/plan_loader.hpp"

namespace vnplan {
namespace {

void printDiagnostics(const Diagnostics& d, Lang lang) {
  for (const auto& x : d.items) std::cerr << formatDiagnostic(x, lang) << "\n";
}

int usage(const std::string& what, Lang lang) {
  std::cerr << "vnplan: " << (lang == Lang::En ? "usage error: " : "sai cú pháp lệnh: ") << what << "\n"
            << (lang == Lang::En ? "See vnplan --help.\n" : "Xem vnplan --help.\n");
  return kExitUsage;
}

int cmdValidate(const std::vector<std::string>& dirs, const CliOptions& o) {
  if (dirs.empty()) return usage(o.lang == Lang::En ? "validate needs PLAN_DIR" : "validate cần PLAN_DIR", o.lang);
  int rc = kExitOk;
  for (const auto& dir : dirs) {
    Diagnostics d;
    auto plan = loadPlan(dir, d);
    printDiagnostics(d, o.lang);
    if (!plan) {
      rc = kExitInvalid;
      std::cerr << dir << ": " << d.errorCount() << (o.lang == Lang::En ? " error(s)\n" : " lỗi\n");
      continue;
    }
    size_t tasks = plan->tasks ? plan->tasks->rowCount() : 0;
    size_t inds = plan->indicators ? plan->indicators->rowCount() : 0;
    if (o.lang == Lang::En)
      std::cout << dir << ": ok (" << inds << " indicators, " << tasks << " tasks)\n";
    else
      std::cout << dir << ": hợp lệ (" << inds << " chỉ tiêu, " << tasks << " nhiệm vụ)\n";
  }
  return rc;
}

}  // namespace

int runCommand(const std::string& command, const std::vector<std::string>& args, const CliOptions& opts) {
  if (command == "validate") return cmdValidate(args, opts);
  return usage((opts.lang == Lang::En ? "unknown command: " : "lệnh không hợp lệ: ") + command, opts.lang);
}

}  // namespace vnplan
