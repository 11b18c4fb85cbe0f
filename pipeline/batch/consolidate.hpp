#pragma once
// Consolidating the units of a plan for a period (docs/collection.md, "Consolidate"):
// `vnplan consolidate` for one plan, `vnplan run` for every plan with a units.yaml.
#include <ostream>
#include <string>
#include <vector>

#include "batch/output_writer.hpp"
#include "compute/consolidation.hpp"
#include "model/diagnostic.hpp"
#include "model/progress.hpp"

namespace vnplan {

struct ConsolidateOptions {
  std::string unitsFile;  // --units; empty: findUnitsFile
  std::string outDir = "outputs";
  Lang lang = Lang::Vi;
};

struct ConsolidateResult {
  bool ok = false;
  std::string stem;  // OUT_DIR/<plan>/<plan>-tong-hop-<P> (the files are stem + ".pdf", ".xlsx")
  RateCounts overall;
};

// Reads the plan, units.yaml, the units' progress files and the ledger's records for the
// period, and writes the workbook and the PDF through `writer` (the caller commits a
// StagedWriter). Located problems go to `err`; ok is false when nothing could be written.
ConsolidateResult consolidatePlan(const std::string& planDir, const ReportPeriod& period, const ConsolidateOptions& o,
                                  OutputWriter& writer, std::ostream& err);

// "<plan>-tong-hop-<P>": the outputs' name inside OUT_DIR/<plan>/, without extension.
std::string consolidationStem(const std::string& planId, const ReportPeriod& period);

// What a consolidation is made of besides the plan, the templates and the fonts, for `run` to
// decide whether to rebuild: the units file, every unit progress file of the period (and what
// it includes), and the ledger's records of the period (one line each). Throws on a ledger
// that cannot be read.
struct ConsolidationInputs {
  std::vector<std::string> files;  // sorted
  std::string ledgerRecords;
};
ConsolidationInputs consolidationInputs(const std::string& planDir, const std::string& planId, const ReportPeriod& period,
                                        const std::string& unitsFile);

}  // namespace vnplan
