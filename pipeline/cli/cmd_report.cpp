// `vnplan report PLAN_DIR --period P [-o OUT_DIR]`: the progress report PDF and workbook.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/document_builder.hpp"
#include "cli/signing.hpp"
#include "compute/achievement.hpp"
#include "compute/report_figures.hpp"
#include "compute/reproducible_time.hpp"
#include "compute/task_status.hpp"
#include "layout/report_spec.hpp"
#include "layout/report_text.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"
#include "render/xlsx/report_workbook.hpp"
#include "sign/sign_error.hpp"

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
  if (plan && rep) {
    tmpl = loadFamilyTemplate(plan->document.family, d);
    mustachePath = reportTemplatePath(*period, plan->document.family);
    std::ifstream in(mustachePath, std::ios::binary);
    if (!in) {
      d.add({Severity::Error, mustachePath, 0, 0, MsgId::FileNotFound, {mustachePath}});
    } else {
      std::stringstream ss;
      ss << in.rdbuf();
      mustacheText = ss.str();
    }
  }
  if (!plan || !rep || !tmpl || mustacheText.empty()) {
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
  // --sign: the report document's own status decides (a draft is never signed).
  SignSetup signing;
  if (o.signing.requested) {
    if (!spec.signature.signedOff) {
      std::cerr << formatDiagnostic({Severity::Error, progressPath, 0, 0, MsgId::SignDraft, {}}, o.lang) << "\n";
      return kExitInvalid;
    }
    if (int rc = prepareSigning(o, signing)) return rc;
  }

  const char* sde = std::getenv("SOURCE_DATE_EPOCH");
  std::int64_t epoch = sde ? reproducibleEpoch(*plan, sde) : static_cast<std::int64_t>(daysFromCivil(rep->asOf)) * 86400;
  const std::filesystem::path base = std::filesystem::path(o.outDir) / plan->id;
  const std::string stem = plan->id + "-bao-cao-" + period->key();
  try {
    std::string pdf = renderSpecPdf(spec, *tmpl, findFonts(defaultFontDirs()), epoch);
    if (o.signing.requested) pdf = signDocument(pdf, signing, epoch);  // last, after every other pass
    writeBytesAtomically((base / (stem + ".pdf")).string(), pdf);
    writeAtomically((base / (stem + ".xlsx")).string(), [&](const std::string& tmp) {
      writeReportWorkbook(ReportWorkbookInput{&*plan, &*rep, &tasks, &indicators, &figures}, tmp, XlsxOptions{epoch, &*tmpl});
    });
  } catch (const SignFailure& e) {
    std::cerr << signFailureText(e, dir, o.lang) << "\n";
    return kExitInvalid;
  } catch (const std::filesystem::filesystem_error& e) {
    std::cerr << dir << ": " << (o.lang == Lang::En ? "error: cannot write output: " : "lỗi: không ghi được kết quả: ")
        << e.path1().string() << " (" << e.code().message() << ")\n";
    return kExitInvalid;
  } catch (const std::exception& e) {
    std::cerr << dir << ": " << (en ? "error: " : "lỗi: ") << e.what() << "\n";
    return kExitInvalid;
  }
  std::cout << (base / stem).string() << "\n";
  return kExitOk;
}

}  // namespace vnplan
