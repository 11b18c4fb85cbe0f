// `vnplan build PLAN_DIR... [-o OUT_DIR]`: the plan PDF and the appendix workbook.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <sstream>

#include "cli/output_transaction.hpp"
#include "cli/commands.hpp"
#include "cli/document_builder.hpp"
#include "compute/reproducible_time.hpp"
#include "load/plan_loader.hpp"
#include "render/xlsx/appendix_workbook.hpp"

namespace vnplan {

namespace {

// Builds every output of one plan; returns false (with messages in `err`) on failure.
bool buildPlan(const std::string& dir, const CliOptions& o, std::ostringstream& out, std::ostringstream& err) {
  Diagnostics d;
  auto plan = loadPlan(dir, d);
  for (const auto& x : d.items) err << formatDiagnostic(x, o.lang) << "\n";
  if (!plan) return false;
  const char* sde = std::getenv("SOURCE_DATE_EPOCH");
  const std::int64_t epoch = reproducibleEpoch(*plan, sde ? sde : "");
  if (!isSafeOutputName(plan->id)) {
    err << formatDiagnostic({Severity::Error, dir, 0, 0, MsgId::BadPlanId, {plan->id}}, o.lang) << "\n";
    return false;
  }
  const std::filesystem::path base = std::filesystem::path(o.outDir) / plan->id;
  try {
    Diagnostics td;
    auto tmpl = loadFamilyTemplate(plan->document.family, td);
    for (const auto& x : td.items) err << formatDiagnostic(x, o.lang) << "\n";
    if (!tmpl) return false;
    const std::string pdf = renderPlanPdf(*plan, *tmpl, findFonts(defaultFontDirs()), epoch);
    // The PDF and the workbook replace the earlier pair together or not at all.
    OutputTransaction outputs;
    outputs.stageBytes((base / (plan->id + ".pdf")).string(), pdf);
    outputs.stage((base / (plan->id + "-phu-luc.xlsx")).string(),
                  [&](const std::string& tmp) { writeAppendixWorkbook(*plan, tmp, XlsxOptions{epoch, &*tmpl}); });
    outputs.commit();
  } catch (const OutputError& e) {
    err << dir << ": " << (o.lang == Lang::En ? "error: " : "lỗi: ") << e.message(o.lang) << "\n";
    return false;
  } catch (const std::exception& e) {
    err << dir << ": " << (o.lang == Lang::En ? "error: " : "lỗi: ") << e.what() << "\n";
    return false;
  }
  out << base.string() << "\n";
  return true;
}

}  // namespace

int cmdBuild(const std::vector<std::string>& dirs, const CliOptions& o) {
  if (dirs.empty()) return usageError(o.lang == Lang::En ? "build needs PLAN_DIR" : "build cần PLAN_DIR", o.lang);
  std::vector<int> ok(dirs.size(), 0);
  std::vector<std::string> outs(dirs.size()), errs(dirs.size());
  forEachParallel(dirs.size(), o.jobs, [&](size_t i) {
    std::ostringstream out, err;
    ok[i] = buildPlan(dirs[i], o, out, err);
    outs[i] = out.str();
    errs[i] = err.str();
  });
  int rc = kExitOk;
  for (size_t i = 0; i < dirs.size(); ++i) {
    std::cout << outs[i];
    std::cerr << errs[i];
    if (!ok[i]) rc = kExitInvalid;
  }
  return rc;
}

}  // namespace vnplan
