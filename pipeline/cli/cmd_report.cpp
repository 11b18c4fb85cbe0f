// `vnplan report PLAN_DIR --period P [-o OUT_DIR]`: the progress report PDF and workbook.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/output_transaction.hpp"
#include "cli/commands.hpp"
#include "cli/document_builder.hpp"
#include "compute/achievement.hpp"
#include "compute/report_figures.hpp"
#include "compute/reproducible_time.hpp"
#include "compute/task_status.hpp"
#include "layout/report_spec.hpp"
#include "layout/report_text.hpp"
#include "load/plan_loader.hpp"
#include "load/safe_file.hpp"
#include "load/progress_loader.hpp"
#include "render/xlsx/report_workbook.hpp"

namespace vnplan {

namespace {

std::string reportTemplatePath(const ReportPeriod& p, Family family) {
  std::string name = std::string("report-") + reportKindKey(p.kind) + "-" + (family == Family::Party ? "party" : "state") +
                     ".mustache";
  std::filesystem::path dir = std::filesystem::path(templatePath(family)).parent_path();
  return (dir / name).string();
}

}  // namespace

int cmdReport(const std::vector<std::string>& args, const CliOptions& o) {
  const bool en = o.lang == Lang::En;
  if (args.size() != 1) return usageError(en ? "report needs one PLAN_DIR" : "report cần đúng một PLAN_DIR", o.lang);
  auto period = parseReportPeriod(o.period);
  if (!period)
    return usageError((en ? "--period must be 2026-H1, 2026, 2026-Q1…Q4 or 2026-9M, not: "
                          : "--period phải có dạng 2026-H1, 2026, 2026-Q1…Q4 hoặc 2026-9M, không phải: ") +
                          o.period,
                      o.lang);
  const std::string& dir = args[0];
  Diagnostics d;
  auto plan = loadPlan(dir, d);
  std::optional<ProgressReport> rep;
  std::string progressPath = progressFile(dir, *period);
  if (plan) {
    if (!std::filesystem::exists(progressPath))
      d.add({Severity::Error, progressPath, 0, 0, MsgId::FileNotFound, {progressPath}});
    else
      rep = loadProgress(progressPath, *plan, d);
  }
  std::optional<DocTemplate> tmpl;
  std::string mustachePath, mustacheText;
  bool mustacheRead = false;
  if (plan && rep) {
    tmpl = loadFamilyTemplate(plan->document.family, d);
    mustachePath = reportTemplatePath(*period, plan->document.family);
    SafeRead read = readInputFile(mustachePath);
    switch (read.status) {
      case SafeReadStatus::Ok:
        mustacheText = std::move(read.bytes);
        mustacheRead = true;
        break;
      case SafeReadStatus::NotRegular: d.add({Severity::Error, mustachePath, 0, 0, MsgId::NotRegularFile, {mustachePath}}); break;
      case SafeReadStatus::TooLarge:
        d.add({Severity::Error, mustachePath, 0, 0, MsgId::FileTooLarge, {mustachePath, "8 MiB"}});
        break;
      default: d.add({Severity::Error, mustachePath, 0, 0, MsgId::FileNotFound, {mustachePath}}); break;
    }
  }
  if (!plan || !rep || !tmpl || !mustacheRead) {
    printDiagnostics(d, o.lang);
    return kExitInvalid;
  }

  TaskStatusSummary tasks = computeTaskStatus(*plan, *rep);
  IndicatorSummary indicators = computeAchievements(*plan, *rep);
  ReportFigures figures = reportFigures(tasks, indicators);
  ReportTextInput ti{&*plan, &*rep, &figures, &tasks, planReference(*plan, *tmpl)};
  auto markup = renderReportText(mustacheText, mustachePath, ti, d);
  printDiagnostics(d, o.lang);
  if (!markup) return kExitInvalid;
  std::vector<SpecBlock> body = parseReportMarkup(*markup, reportSummaryTable(figures), reportStatusChart(figures));
  DocumentSpec spec = specFromReport(ReportParts{&*plan, &*rep, &tasks, &indicators, &figures}, *tmpl, std::move(body));

  const char* sde = std::getenv("SOURCE_DATE_EPOCH");
  std::int64_t epoch = sde ? reproducibleEpoch(*plan, sde) : static_cast<std::int64_t>(daysFromCivil(rep->asOf)) * 86400;
  if (!isSafeOutputName(plan->id)) {
    std::cerr << formatDiagnostic({Severity::Error, dir, 0, 0, MsgId::BadPlanId, {plan->id}}, o.lang) << "\n";
    return kExitInvalid;
  }
  const std::filesystem::path base = std::filesystem::path(o.outDir) / plan->id;
  const std::string stem = plan->id + "-bao-cao-" + period->key();
  try {
    std::string pdf = renderSpecPdf(spec, *tmpl, findFonts(defaultFontDirs()), epoch);
    OutputTransaction outputs;
    outputs.stageBytes((base / (stem + ".pdf")).string(), pdf);
    outputs.stage((base / (stem + ".xlsx")).string(), [&](const std::string& tmp) {
      writeReportWorkbook(ReportWorkbookInput{&*plan, &*rep, &tasks, &indicators, &figures}, tmp, XlsxOptions{epoch, &*tmpl});
    });
    outputs.commit();
  } catch (const OutputError& e) {
    std::cerr << dir << ": " << (en ? "error: " : "lỗi: ") << e.message(o.lang) << "\n";
    return kExitInvalid;
  } catch (const std::exception& e) {
    std::cerr << dir << ": " << (en ? "error: " : "lỗi: ") << e.what() << "\n";
    return kExitInvalid;
  }
  std::cout << (base / stem).string() << "\n";
  return kExitOk;
}

}  // namespace vnplan
