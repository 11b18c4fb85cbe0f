#include "cli/commands.hpp"

#include <algorithm>
#include <atomic>
#include <iostream>
#include <thread>

#include "batch/template_files.hpp"
#include "compute/achievement.hpp"
#include "compute/calendar.hpp"
#include "compute/report_figures.hpp"
#include "compute/task_status.hpp"
#include "layout/report_spec.hpp"
#include "layout/report_text.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"
#include "batch/output_transaction.hpp"
#include "load/plan_loader.hpp"
#include "render/pdf/font_subset.hpp"

namespace vnplan {

void printDiagnostics(const Diagnostics& d, Lang lang) {
  for (const auto& x : d.items) std::cerr << formatDiagnostic(x, lang) << "\n";
}

int usageError(const std::string& what, Lang lang) {
  std::cerr << "vnplan: " << (lang == Lang::En ? "usage error: " : "sai cú pháp lệnh: ") << what << "\n"
            << (lang == Lang::En ? "See vnplan --help.\n" : "Xem vnplan --help.\n");
  return kExitUsage;
}

void forEachParallel(size_t n, int jobs, const std::function<void(size_t)>& fn) {
  size_t workers = jobs > 0 ? static_cast<size_t>(jobs) : std::max(1u, std::thread::hardware_concurrency());
  workers = std::min(workers, n);
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (size_t w = 0; w < workers; ++w)
    pool.emplace_back([&] {
      for (size_t i = next++; i < n; i = next++) fn(i);
    });
  for (auto& t : pool) t.join();
}

namespace {

// Checks what `vnplan report` would read for one progress file: the file itself, the layout
// rules and the report text the plan uses for that period (names, syntax), by rendering it.
void checkProgress(const std::string& dir, const Plan& plan, const std::string& key, Diagnostics& d) {
  const ReportPeriod period = *parseReportPeriod(key);
  auto rep = loadProgress(progressFile(dir, period), plan, d);
  if (!rep) return;
  ReportTemplates t = loadReportTemplates(dir, plan.document.family, period.kind, d);
  if (!t.ok()) return;
  if (!rep->asOfGiven) rep->asOf = defaultAsOf(plan, *rep);
  TaskStatusSummary tasks = computeTaskStatus(plan, *rep);
  IndicatorSummary indicators = computeAchievements(plan, *rep);
  ReportFigures figures = reportFigures(tasks, indicators);
  ReportTextInput in{&plan, &*rep, &figures, &tasks, planReference(plan, *t.layout)};
  renderReportText(t.text, t.textPath, in, d);
}

}  // namespace

int cmdValidate(const std::vector<std::string>& dirs, const CliOptions& o) {
  if (dirs.empty()) return usageError(o.lang == Lang::En ? "validate needs PLAN_DIR" : "validate cần PLAN_DIR", o.lang);
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
    // Every progress file of the plan, and the templates its reports will use.
    Diagnostics pd;
    const auto keys = availableProgress(dir);
    for (const auto& key : keys) checkProgress(dir, *plan, key, pd);
    printDiagnostics(pd, o.lang);
    if (pd.hasErrors()) {
      rc = kExitInvalid;
      std::cerr << dir << ": " << pd.errorCount() << (o.lang == Lang::En ? " error(s)\n" : " lỗi\n");
      continue;
    }
    std::string progress;
    for (const auto& key : keys) progress += (progress.empty() ? "" : ", ") + key;
    size_t tasks = plan->tasks ? plan->tasks->rowCount() : 0;
    size_t inds = plan->indicators ? plan->indicators->rowCount() : 0;
    if (o.lang == Lang::En)
      std::cout << dir << ": ok (" << inds << " indicators, " << tasks << " tasks"
                << (keys.empty() ? "" : "; progress: " + progress) << ")\n";
    else
      std::cout << dir << ": hợp lệ (" << inds << " chỉ tiêu, " << tasks << " nhiệm vụ"
                << (keys.empty() ? "" : "; tiến độ: " + progress) << ")\n";
  }
  return rc;
}

int runCommand(const std::string& command, const std::vector<std::string>& args, const CliOptions& opts) {
  const Lang lang = opts.lang;
  setFontCacheRepairNotice([lang](const std::string& entry) {
    std::cerr << formatDiagnostic({Severity::Warning, entry, 0, 0, MsgId::FontCacheRepaired, {}}, lang) << "\n";
  });
  // Subsets half-written by a killed run ("<cache>/fonts/.<entry>.tmp-<pid>").
  if (command == "build" || command == "report") sweepStaleTemporaries(fontCacheDir() + "/fonts");
  if (command == "validate") return cmdValidate(args, opts);
  if (command == "build") return cmdBuild(args, opts);
  if (command == "due") return cmdDue(args, opts);
  if (command == "report") return cmdReport(args, opts);
  if (command == "run") return cmdRun(args, opts);
  if (command == "synth") return cmdSynth(args, opts);
  if (command == "collect") return cmdCollect(args, opts);
  if (command == "ingest") return cmdIngest(args, opts);
  if (command == "consolidate") return cmdConsolidate(args, opts);
  if (command == "sign") return cmdSign(args, opts);
  if (command == "verify") return cmdVerify(args, opts);
  if (command == "new") return cmdNew(args, opts);
  return usageError((opts.lang == Lang::En ? "unknown command: " : "lệnh không hợp lệ: ") + command, opts.lang);
}

}  // namespace vnplan
