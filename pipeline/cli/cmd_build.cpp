// `vnplan build PLAN_DIR... [-o OUT_DIR]`: the plan PDF and the appendix workbook.
#include <iostream>
#include <sstream>

#include "batch/output_transaction.hpp"
#include "batch/plan_builder.hpp"
#include "cli/commands.hpp"
#include "cli/signing.hpp"

namespace vnplan {

int cmdBuild(const std::vector<std::string>& dirs, const CliOptions& o) {
  if (dirs.empty()) return usageError(o.lang == Lang::En ? "build needs PLAN_DIR" : "build cần PLAN_DIR", o.lang);
  SignSetup signing;
  BuildOptions options{o.lang, o.outDir, {}};
  if (o.signing.requested) {
    if (int rc = prepareSigning(o, signing)) return rc;
    options.signer = [&signing](const std::string& pdf, std::int64_t t) { return signDocument(pdf, signing, t); };
  }
  std::vector<int> ok(dirs.size(), 0);
  std::vector<std::string> outs(dirs.size()), errs(dirs.size());
  forEachParallel(dirs.size(), o.jobs, [&](size_t i) {
    std::ostringstream out, err;
    // The PDF and the workbook replace the earlier pair together or not at all.
    OutputTransaction writer;
    ok[i] = buildPlan(dirs[i], options, writer, out, err) && commitOutputs(writer, dirs[i], o.lang, err);
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
