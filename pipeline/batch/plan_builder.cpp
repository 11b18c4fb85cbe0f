// The building steps of `vnplan build` and `vnplan report` (moved down from cli/ so that
// `vnplan run` shares them).
#include "batch/plan_builder.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "batch/document_builder.hpp"
#include "batch/output_transaction.hpp"
#include "batch/template_files.hpp"
#include "compute/calendar.hpp"
#include "compute/achievement.hpp"
#include "compute/report_figures.hpp"
#include "compute/reproducible_time.hpp"
#include "compute/task_status.hpp"
#include "layout/report_spec.hpp"
#include "layout/report_text.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"
#include "render/xlsx/appendix_workbook.hpp"
#include "render/xlsx/report_workbook.hpp"
#include "sign/sign_error.hpp"

namespace vnplan {

namespace {

// Runs the rendering and writing steps of one document pair; every failure becomes one
// message line in `err` (signing, writing with its errno text, anything else).
bool writeOutputs(const std::string& dir, Lang lang, std::ostream& err, const std::function<void()>& steps) {
  try {
    steps();
    return true;
  } catch (const SignFailure& e) {
    err << formatDiagnostic({Severity::Error, dir, 0, 0, e.id, e.args}, lang) << "\n";
  } catch (const OutputError& e) {
    err << dir << ": " << (lang == Lang::En ? "error: " : "lỗi: ") << e.message(lang) << "\n";
  } catch (const std::filesystem::filesystem_error& e) {
    err << dir << ": " << (lang == Lang::En ? "error: cannot write output: " : "lỗi: không ghi được kết quả: ")
        << e.path1().string() << " (" << e.code().message() << ")\n";
  } catch (const std::exception& e) {
    err << dir << ": " << (lang == Lang::En ? "error: " : "lỗi: ") << e.what() << "\n";
  }
  return false;
}

}  // namespace

std::string planPdfName(const std::string& id) { return id + ".pdf"; }
std::string planXlsxName(const std::string& id) { return id + "-phu-luc.xlsx"; }
std::string reportStem(const std::string& id, const ReportPeriod& period) { return id + "-bao-cao-" + period.key(); }

std::string reportTemplatePath(const ReportPeriod& p, Family family) {
  return (std::filesystem::path(defaultTemplateDir(family)) / reportTemplateName(p.kind, family)).string();
}

// Builds every output of one plan; returns false (with messages in `err`) on failure.
bool buildPlan(const std::string& dir, const BuildOptions& o, OutputWriter& writer, std::ostream& out, std::ostream& err) {
  Diagnostics d;
  auto plan = loadPlan(dir, d);
  for (const auto& x : d.items) err << formatDiagnostic(x, o.lang) << "\n";
  if (!plan) return false;
  Diagnostics td;
  auto tmpl = loadFamilyTemplate(plan->document.family, td);
  for (const auto& x : td.items) err << formatDiagnostic(x, o.lang) << "\n";
  if (!tmpl) return false;
  return buildPlanDocuments(*plan, *tmpl, dir, o, writer, out, err);
}

bool buildPlanDocuments(const Plan& plan, const DocTemplate& tmpl, const std::string& dir, const BuildOptions& o,
                        OutputWriter& writer, std::ostream& out, std::ostream& err) {
  if (o.signer && !plan.signature.signedOff) {
    const std::string file = (std::filesystem::path(dir) / "plan.yaml").string();
    err << formatDiagnostic({Severity::Error, file, 0, 0, MsgId::SignDraft, {}}, o.lang) << "\n";
    return false;
  }
  const char* sde = std::getenv("SOURCE_DATE_EPOCH");
  const std::int64_t epoch = reproducibleEpoch(plan, sde ? sde : "");
  if (!isSafeOutputName(plan.id)) {
    err << formatDiagnostic({Severity::Error, dir, 0, 0, MsgId::BadPlanId, {plan.id}}, o.lang) << "\n";
    return false;
  }
  const std::filesystem::path base = std::filesystem::path(o.outDir) / plan.id;
  const bool written = writeOutputs(dir, o.lang, err, [&] {
    std::string pdf = renderPlanPdf(plan, tmpl, findFonts(defaultFontDirs()), epoch);
    if (o.signer) pdf = o.signer(pdf, epoch);  // last, after every other pass
    writer.writeBytes((base / planPdfName(plan.id)).string(), pdf);
    writer.writeWith((base / planXlsxName(plan.id)).string(),
                     [&](const std::string& tmp) { writeAppendixWorkbook(plan, tmp, XlsxOptions{epoch, &tmpl}); });
  });
  if (written) out << base.string() << "\n";
  return written;
}

bool buildReport(const std::string& dir, const ReportPeriod& period, const BuildOptions& o, OutputWriter& writer,
                 std::ostream& out, std::ostream& err) {
  Diagnostics d;
  auto plan = loadPlan(dir, d);
  ReportTemplates templates;
  if (plan) templates = loadReportTemplates(dir, plan->document.family, period.kind, d);
  for (const auto& x : d.items) err << formatDiagnostic(x, o.lang) << "\n";
  if (!plan || !templates.layout) return false;
  return buildReportDocuments(*plan, *templates.layout, ReportText{templates.textPath, templates.text}, dir, period, o,
                              writer, out, err);
}

bool buildReportDocuments(const Plan& plan, const DocTemplate& tmpl, const ReportText& text, const std::string& dir,
                          const ReportPeriod& period, const BuildOptions& o, OutputWriter& writer, std::ostream& out,
                          std::ostream& err) {
  Diagnostics d;
  std::optional<ProgressReport> rep;
  std::string progressPath = progressFile(dir, period);
  if (!std::filesystem::exists(progressPath))
    d.add({Severity::Error, progressPath, 0, 0, MsgId::FileNotFound, {progressPath}});
  else
    rep = loadProgress(progressPath, plan, d);
  // Without `as_of` the figures are those of the ND09 cut-off, never after the deadline.
  if (rep && !rep->asOfGiven) rep->asOf = defaultAsOf(plan, *rep);
  // An empty template that exists is reported by the template check (layout/mustache_guard).
  const bool missing = text.text.empty() && !std::filesystem::is_regular_file(text.path);
  if (rep && missing) d.add({Severity::Error, text.path, 0, 0, MsgId::FileNotFound, {text.path}});
  if (!rep || missing) {
    for (const auto& x : d.items) err << formatDiagnostic(x, o.lang) << "\n";
    return false;
  }

  TaskStatusSummary tasks = computeTaskStatus(plan, *rep);
  IndicatorSummary indicators = computeAchievements(plan, *rep);
  ReportFigures figures = reportFigures(tasks, indicators);
  ReportTextInput ti{&plan, &*rep, &figures, &tasks, planReference(plan, tmpl)};
  auto markup = renderReportText(text.text, text.path, ti, d);
  for (const auto& x : d.items) err << formatDiagnostic(x, o.lang) << "\n";
  if (!markup) return false;
  std::vector<SpecBlock> body = parseReportMarkup(*markup, reportSummaryTable(figures), reportStatusChart(figures));
  DocumentSpec spec = specFromReport(ReportParts{&plan, &*rep, &tasks, &indicators, &figures}, tmpl, std::move(body));
  // --sign: the report document's own status decides (a draft is never signed).
  if (o.signer && !spec.signature.signedOff) {
    err << formatDiagnostic({Severity::Error, progressPath, 0, 0, MsgId::SignDraft, {}}, o.lang) << "\n";
    return false;
  }

  const char* sde = std::getenv("SOURCE_DATE_EPOCH");
  std::int64_t epoch = sde ? reproducibleEpoch(plan, sde) : static_cast<std::int64_t>(daysFromCivil(rep->asOf)) * 86400;
  if (!isSafeOutputName(plan.id)) {
    err << formatDiagnostic({Severity::Error, dir, 0, 0, MsgId::BadPlanId, {plan.id}}, o.lang) << "\n";
    return false;
  }
  const std::filesystem::path base = std::filesystem::path(o.outDir) / plan.id;
  const std::string stem = reportStem(plan.id, period);
  const bool written = writeOutputs(dir, o.lang, err, [&] {
    std::string pdf = renderSpecPdf(spec, tmpl, findFonts(defaultFontDirs()), epoch);
    if (o.signer) pdf = o.signer(pdf, epoch);  // last, after every other pass
    writer.writeBytes((base / (stem + ".pdf")).string(), pdf);
    writer.writeWith((base / (stem + ".xlsx")).string(), [&](const std::string& tmp) {
      writeReportWorkbook(ReportWorkbookInput{&plan, &*rep, &tasks, &indicators, &figures}, tmp, XlsxOptions{epoch, &tmpl});
    });
  });
  if (written) out << (base / stem).string() << "\n";
  return written;
}

}  // namespace vnplan
