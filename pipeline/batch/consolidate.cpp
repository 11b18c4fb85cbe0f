#include "batch/consolidate.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "batch/collection_files.hpp"
#include "batch/document_builder.hpp"
#include "batch/ingest.hpp"
#include "batch/input_hash.hpp"
#include "compute/reproducible_time.hpp"
#include "layout/consolidation_spec.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"
#include "load/unit_loader.hpp"
#include "render/xlsx/consolidation_workbook.hpp"
#include "store/ledger.hpp"

namespace vnplan {

namespace fs = std::filesystem;

std::string consolidationStem(const std::string& planId, const ReportPeriod& period) {
  return planId + "-tong-hop-" + period.key();
}

ConsolidateResult consolidatePlan(const std::string& dir, const ReportPeriod& period, const ConsolidateOptions& o,
                                  OutputWriter& writer, std::ostream& err) {
  const bool en = o.lang == Lang::En;
  ConsolidateResult result;
  auto print = [&](const Diagnostics& d) {
    for (const auto& x : d.items) err << formatDiagnostic(x, o.lang) << "\n";
  };
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
    print(d);
    return result;
  }

  // The ledger: when each unit's first accepted file came, and why the last rejected one failed.
  std::map<std::string, UnitSubmission> subs;
  const fs::path ledger = ledgerPath(dir);
  try {
    if (fs::exists(ledger)) {
      auto records = openSqliteLedger(ledger.string())->forPeriod(plan->id, period.key());
      for (const auto& r : records) {
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
    err << dir << ": " << (en ? "error: " : "lỗi: ") << e.what() << "\n";
    return result;
  }
  for (const Unit* u : units->reporting()) {
    const fs::path file = fs::path(dir) / "progress" / "units" / u->code / (period.key() + ".yaml");
    if (!fs::exists(file)) continue;
    auto rep = loadProgress(file.string(), *plan, d);
    if (rep) subs[u->code].data = std::move(*rep);
  }
  print(d);
  if (d.hasErrors()) return result;

  const std::optional<CalendarDate> due = reportDue(*plan, period);
  const Consolidation c = consolidate(*plan, period, *units, subs, due);
  const char* sde = std::getenv("SOURCE_DATE_EPOCH");
  const CalendarDate ref = due ? *due : dataRange(period).last;
  const std::int64_t epoch = sde ? reproducibleEpoch(*plan, sde) : static_cast<std::int64_t>(daysFromCivil(ref)) * 86400;
  const fs::path base = fs::path(o.outDir) / plan->id;
  const std::string stem = consolidationStem(plan->id, period);
  try {
    DocumentSpec spec = specFromConsolidation(*plan, c, *tmpl);
    std::string pdf = renderSpecPdf(spec, *tmpl, findFonts(defaultFontDirs()), epoch);
    writer.writeBytes((base / (stem + ".pdf")).string(), pdf);
    writer.writeWith((base / (stem + ".xlsx")).string(),
                     [&](const std::string& tmp) { writeConsolidationWorkbook(*plan, c, epoch, tmp); });
  } catch (const std::exception& e) {
    err << dir << ": " << (en ? "error: " : "lỗi: ") << e.what() << "\n";
    return result;
  }
  result.ok = true;
  result.stem = (base / stem).string();
  result.overall = c.overall.rate;
  return result;
}

ConsolidationInputs consolidationInputs(const std::string& dir, const std::string& planId, const ReportPeriod& period,
                                        const std::string& unitsFile) {
  ConsolidationInputs in;
  const std::string unitsPath = findUnitsFile(dir, unitsFile);
  in.files.push_back(unitsPath.empty() ? (fs::path(dir) / "units.yaml").string() : unitsPath);
  // Every unit folder's file of the period, whether or not units.yaml still names the unit:
  // a file too many changes the hash needlessly, never one too few.
  std::error_code ec;
  for (fs::directory_iterator it(fs::path(dir) / "progress" / "units", ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path file = it->path() / (period.key() + ".yaml");
    if (fs::is_regular_file(file, ec))
      for (const auto& f : filesWithIncludes(file.string())) in.files.push_back(f);
  }
  std::sort(in.files.begin(), in.files.end());
  in.files.erase(std::unique(in.files.begin(), in.files.end()), in.files.end());
  const std::string ledger = ledgerPath(dir);
  if (fs::exists(ledger, ec)) {
    for (const auto& r : openSqliteLedger(ledger)->forPeriod(planId, period.key())) {
      in.ledgerRecords += std::to_string(r.id) + "\t" + r.unitKind + "\t" + r.unitCode + "\t" + r.receivedAt + "\t" +
                          r.contentHash + "\t" + (r.accepted ? "1" : "0") + (r.duplicate ? "1" : "0");
      for (const auto& reason : r.reasons) in.ledgerRecords += "\t" + reason;
      in.ledgerRecords += "\n";
    }
  }
  return in;
}

}  // namespace vnplan
