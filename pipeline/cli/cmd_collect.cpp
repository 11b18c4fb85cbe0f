// `vnplan collect PLAN_DIR --period P [--units units.yaml] [-o OUT_DIR]`: the collection
// workbooks (docs/collection.md).
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "batch/atomic_file.hpp"
#include "cli/collect_common.hpp"
#include "cli/commands.hpp"
#include "compute/collection_form.hpp"
#include "compute/reproducible_time.hpp"
#include "load/plan_loader.hpp"
#include "load/unit_loader.hpp"
#include "render/xlsx/collect_workbook.hpp"
#include "render/xlsx/content_hash.hpp"

namespace vnplan {

int cmdCollect(const std::vector<std::string>& args, const CliOptions& o) {
  const bool en = o.lang == Lang::En;
  if (args.size() != 1) return usageError(en ? "collect needs one PLAN_DIR" : "collect cần đúng một PLAN_DIR", o.lang);
  auto period = parseReportPeriod(o.period);
  if (!period) return periodUsageError(o);
  const std::string& dir = args[0];
  Diagnostics d;
  auto plan = loadPlan(dir, d);
  std::optional<UnitDirectory> units;
  if (plan && !o.unitsFile.empty()) units = loadUnits(o.unitsFile, d);
  printDiagnostics(d, o.lang);
  if (!plan || (!o.unitsFile.empty() && !units)) return kExitInvalid;

  std::vector<FormUnit> targets;
  if (units) {
    for (const Unit* u : units->reporting())
      targets.push_back({FormKind::Unit, u->code, u->name, unitLevelKey(u->level)});
  } else {
    targets.push_back({FormKind::Plan, "", plan->document.issuer.shortName, "plan"});
    for (const Agency* a : leadAgencies(*plan)) targets.push_back({FormKind::Agency, a->code, a->name, "agency"});
  }
  const char* sde = std::getenv("SOURCE_DATE_EPOCH");
  const std::int64_t epoch = reproducibleEpoch(*plan, sde ? sde : "");
  const std::filesystem::path outDir = std::filesystem::path(o.outDir) / plan->id / ("thu-thap-" + period->key());
  int written = 0;
  try {
    for (const auto& unit : targets) {
      CollectionForm form = buildCollectionForm(*plan, *period, unit);
      if (form.tables.empty()) continue;  // an agency that leads nothing
      CollectWorkbookInput in;
      in.form = &form;
      in.templateHash = xlsx::sha256Hex(form.canonicalText());
      in.createdEpoch = epoch;
      if (auto due = reportDue(*plan, *period)) {
        in.due = *due;
        in.hasDue = true;
      }
      const std::string path = (outDir / collectFileName(*plan, *period, unit)).string();
      writeAtomically(path, [&](const std::string& tmp) { writeCollectWorkbook(in, tmp); });
      std::cout << path << "\n";
      ++written;
    }
  } catch (const std::exception& e) {
    std::cerr << dir << ": " << (en ? "error: " : "lỗi: ") << e.what() << "\n";
    return kExitInvalid;
  }
  std::cerr << (en ? "collection workbooks written: " : "đã tạo biểu mẫu thu thập: ") << written << "\n";
  return kExitOk;
}

}  // namespace vnplan
