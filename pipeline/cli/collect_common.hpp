#pragma once
// Pieces shared by `collect`, `ingest` and `consolidate` (the rest is in batch/collection_files).
#include "batch/collection_files.hpp"
#include "cli/commands.hpp"

namespace vnplan {

int periodUsageError(const CliOptions& o);

}  // namespace vnplan
