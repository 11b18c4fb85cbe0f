#include "cli/commands.hpp"
namespace vnplan {
int cmdIngest(const std::vector<std::string>&, const CliOptions& o) { return usageError("ingest: not yet", o.lang); }
}  // namespace vnplan
