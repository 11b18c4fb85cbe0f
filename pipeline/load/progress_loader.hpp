#pragma once
// Reads a progress file (inputs/<plan>/progress/<period>.yaml) against its plan.
#include <optional>
#include <set>
#include <string>

#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"

namespace vnplan {

// Reads one progress file. The file name (without .yaml) must be a period key ("2026-H1",
// "2026", "2026-Q3", "2026-9M") equal to the file's `period`. Task and indicator numbers must
// exist in `plan`. Every problem is added to `diags` with its location; the report is returned
// only when there is no error (warnings allowed).
std::optional<ProgressReport> loadProgress(const std::string& file, const Plan& plan, Diagnostics& diags);

// PLAN_DIR/progress/<period key>.yaml
std::string progressFile(const std::string& planDir, const ReportPeriod& period);

// Period keys of the progress files present in PLAN_DIR/progress/ (files named <key>.yaml
// whose name is a valid period key; nothing is parsed). Empty when the folder is missing.
std::set<std::string> availableProgress(const std::string& planDir);

}  // namespace vnplan
