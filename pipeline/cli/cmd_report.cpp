// `vnplan report PLAN_DIR --period P [-o OUT_DIR]`: the progress report PDF and workbook.
#include <iostream>

#include "batch/output_writer.hpp"
#include "batch/plan_builder.hpp"
#include "cli/commands.hpp"

namespace vnplan {

int cmdReport(const std::vector<std::string>& args, const CliOptions& o) {
  const bool en = o.lang == Lang::En;
  if (args.size() != 1) return usageError(en ? "report needs one PLAN_DIR" : "report cần đúng một PLAN_DIR", o.lang);
  auto period = parseReportPeriod(o.period);
  if (!period)
    return usageError((en ? "--period must be 2026-H1, 2026, 2026-Q1…Q4 or 2026-9M, not: "
                          : "--period phải có dạng 2026-H1, 2026, 2026-Q1…Q4 hoặc 2026-9M, không phải: ") +
                          o.period,
                      o.lang);
  AtomicFileWriter writer;
  return buildReport(args[0], *period, BuildOptions{o.lang, o.outDir}, writer, std::cout, std::cerr) ? kExitOk
                                                                                                    : kExitInvalid;
}

}  // namespace vnplan
