// `vnplan ingest PLAN_DIR FILE.xlsx... [--period P] [--units FILE] [--today DATE] [-o OUT_DIR]`:
// reads returned collection workbooks and merges each into its unit's progress data
// (docs/collection.md, "Ingest"; the work is batch/ingest, shared with `vnplan run`).
#include <iostream>

#include "batch/ingest.hpp"
#include "cli/collect_common.hpp"
#include "cli/commands.hpp"

namespace vnplan {

int cmdIngest(const std::vector<std::string>& args, const CliOptions& o) {
  const bool en = o.lang == Lang::En;
  if (args.size() < 2)
    return usageError(en ? "ingest needs PLAN_DIR and FILE.xlsx..." : "ingest cần PLAN_DIR và FILE.xlsx...", o.lang);
  IngestOptions io;
  if (!o.period.empty()) {
    io.expected = parseReportPeriod(o.period);
    if (!io.expected) return periodUsageError(o);
  }
  if (!o.today.empty()) {
    CalendarDate d;
    if (parseDate(o.today, d) != DateParse::Ok)
      return usageError((en ? "--today must be a date: " : "--today phải là ngày: ") + o.today, o.lang);
  }
  io.unitsFile = o.unitsFile;
  io.today = o.today;
  io.outDir = o.outDir;
  io.lang = o.lang;
  const std::vector<std::string> files(args.begin() + 1, args.end());
  const IngestResult r = ingestFiles(args[0], files, io, std::cout, std::cerr);
  if (!r.loaded) return kExitInvalid;
  std::cerr << (en ? "accepted: " : "tiếp nhận: ") << r.accepted << (en ? ", unchanged: " : ", không đổi: ") << r.unchanged
            << (en ? ", rejected: " : ", không tiếp nhận: ") << r.rejected << "\n";
  return r.rejected ? kExitInvalid : kExitOk;
}

}  // namespace vnplan
