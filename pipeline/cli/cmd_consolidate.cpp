// `vnplan consolidate PLAN_DIR --period P [--units FILE] [-o OUT_DIR]`: one workbook and one
// PDF report combining the units' accepted data (docs/collection.md, "Consolidate"; the work
// is batch/consolidate, shared with `vnplan run`).
#include <iostream>

#include "batch/consolidate.hpp"
#include "cli/collect_common.hpp"
#include "cli/commands.hpp"

namespace vnplan {

int cmdConsolidate(const std::vector<std::string>& args, const CliOptions& o) {
  const bool en = o.lang == Lang::En;
  if (args.size() != 1)
    return usageError(en ? "consolidate needs one PLAN_DIR" : "consolidate cần đúng một PLAN_DIR", o.lang);
  auto period = parseReportPeriod(o.period);
  if (!period) return periodUsageError(o);
  ConsolidateOptions co;
  co.unitsFile = o.unitsFile;
  co.outDir = o.outDir;
  co.lang = o.lang;
  AtomicFileWriter writer;  // each file complete under its name, as before
  const ConsolidateResult r = consolidatePlan(args[0], *period, co, writer, std::cerr);
  if (!r.ok) return kExitInvalid;
  std::cout << r.stem << "\n";
  std::cerr << (en ? "units reporting: " : "đơn vị đã báo cáo: ") << r.overall.reported << "/" << r.overall.expected
            << (en ? ", on time: " : ", đúng hạn: ") << r.overall.onTime << "\n";
  return kExitOk;
}

}  // namespace vnplan
