// `vnplan consolidate PLAN_DIR --period P [--units FILE] [-o OUT_DIR]`: one workbook and one
// PDF report combining the units' accepted data (docs/collection.md, "Consolidate").
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "batch/atomic_file.hpp"
#include "cli/collect_common.hpp"
#include "cli/commands.hpp"
#include "batch/document_builder.hpp"
#include "compute/consolidation.hpp"
#include "compute/reproducible_time.hpp"
#include "layout/consolidation_spec.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"
#include "load/unit_loader.hpp"
#include "render/xlsx/consolidation_workbook.hpp"
#include "store/ledger.hpp"

namespace vnplan {

namespace fs = std::filesystem;

int cmdConsolidate(const std::vector<std::string>& args, const CliOptions& o) {
  const bool en = o.lang == Lang::En;
  if (args.size() != 1)
    return usageError(en ? "consolidate needs one PLAN_DIR" : "consolidate cần đúng một PLAN_DIR", o.lang);
  auto period = parseReportPeriod(o.period);
  if (!period) return periodUsageError(o);
  const std::string& dir = args[0];
  Diagnostics d;
  auto plan = loadPlan(dir, d);
  const std::string unitsPath = plan ? findUnitsFile(dir, o.unitsFile) : "";
  if (plan && unitsPath.empty())
    d.add({Severity::Error, (fs::path(dir) / "units.yaml").string(), 0, 0, MsgId::FileNotFound,
           {(fs::path(dir) / "units.yaml").string()}});
  std::optional<UnitDirectory> units;
  if (plan && !unitsPath.empty()) units = loadUnits(unitsPath, d);
  std::optional<DocTemplate> tmpl;
  if (plan && units) tmpl = loadFamilyTemplate(plan->document.family, d);
  if (!plan || !units || !tmpl) {
    printDiagnostics(d, o.lang);
    return kExitInvalid;
  }

  // The ledger: when each unit's first accepted file came, and why the last rejected one failed.
  std::map<std::string, UnitSubmission> subs;
  const fs::path ledgerPath = fs::path(dir) / "submissions" / "ledger.sqlite";
  try {
    if (fs::exists(ledgerPath)) {
      auto ledger = openSqliteLedger(ledgerPath.string());
      for (const auto& r : ledger->forPeriod(plan->id, period->key())) {
        if (r.unitKind != "unit") continue;
        UnitSubmission& s = subs[r.unitCode];
        CalendarDate day;
        if (r.accepted && parseDate(r.receivedAt.substr(0, 10), day) == DateParse::Ok &&
            (!s.firstAccepted || day < *s.firstAccepted))
          s.firstAccepted = day;
        if (!r.accepted) s.rejectedReasons = r.reasons;
      }
    }
  } catch (const std::exception& e) {
    std::cerr << dir << ": " << (en ? "error: " : "lỗi: ") << e.what() << "\n";
    return kExitInvalid;
  }
  for (const Unit* u : units->reporting()) {
    const fs::path file = fs::path(dir) / "progress" / "units" / u->code / (period->key() + ".yaml");
    if (!fs::exists(file)) continue;
    auto rep = loadProgress(file.string(), *plan, d);
    if (rep) subs[u->code].data = std::move(*rep);
  }
  printDiagnostics(d, o.lang);
  if (d.hasErrors()) return kExitInvalid;

  const std::optional<CalendarDate> due = reportDue(*plan, *period);
  const Consolidation c = consolidate(*plan, *period, *units, subs, due);
  const char* sde = std::getenv("SOURCE_DATE_EPOCH");
  const CalendarDate ref = due ? *due : dataRange(*period).last;
  const std::int64_t epoch = sde ? reproducibleEpoch(*plan, sde) : static_cast<std::int64_t>(daysFromCivil(ref)) * 86400;
  const fs::path base = fs::path(o.outDir) / plan->id;
  const std::string stem = plan->id + "-tong-hop-" + period->key();
  try {
    DocumentSpec spec = specFromConsolidation(*plan, c, *tmpl);
    std::string pdf = renderSpecPdf(spec, *tmpl, findFonts(defaultFontDirs()), epoch);
    writeBytesAtomically((base / (stem + ".pdf")).string(), pdf);
    writeAtomically((base / (stem + ".xlsx")).string(),
                    [&](const std::string& tmp) { writeConsolidationWorkbook(*plan, c, epoch, tmp); });
  } catch (const std::exception& e) {
    std::cerr << dir << ": " << (en ? "error: " : "lỗi: ") << e.what() << "\n";
    return kExitInvalid;
  }
  const RateCounts& r = c.overall.rate;
  std::cout << (base / stem).string() << "\n";
  std::cerr << (en ? "units reporting: " : "đơn vị đã báo cáo: ") << r.reported << "/" << r.expected
            << (en ? ", on time: " : ", đúng hạn: ") << r.onTime << "\n";
  return kExitOk;
}

}  // namespace vnplan
