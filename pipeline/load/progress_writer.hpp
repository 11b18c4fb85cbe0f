#pragma once
// Writes progress data back as a progress file (docs/progress-format.md), so what ingest
// merges is read by `vnplan report` like a hand-written file.
#include <string>

#include "model/progress.hpp"

namespace vnplan {

// The YAML text of `rep`: period, as_of, the prose parts, tasks and indicators in order.
// Task and indicator numbers are always quoted ("6.1" stays text).
std::string progressYaml(const ProgressReport& rep, const std::string& headerComment);

}  // namespace vnplan
