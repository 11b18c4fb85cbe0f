// `vnplan report PLAN_DIR --period P [-o OUT_DIR]`: the progress report PDF and workbook.
#include <iostream>

#include "batch/output_transaction.hpp"
#include "batch/plan_builder.hpp"
#include "cli/commands.hpp"
#include "cli/signing.hpp"

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
  SignSetup signing;
  BuildOptions options{o.lang, o.outDir, {}};
  if (o.signing.requested) {
    if (int rc = prepareSigning(o, signing)) return rc;
    options.signer = [&signing](const std::string& pdf, std::int64_t t) { return signDocument(pdf, signing, t); };
  }
  // The PDF and the workbook replace the earlier pair together or not at all.
  OutputTransaction writer;
  return buildReport(args[0], *period, options, writer, std::cout, std::cerr) &&
                 commitOutputs(writer, args[0], o.lang, std::cerr)
             ? kExitOk
             : kExitInvalid;
}

}  // namespace vnplan
