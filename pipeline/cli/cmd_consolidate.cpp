#include "cli/commands.hpp"
namespace vnplan {
int cmdConsolidate(const std::vector<std::string>&, const CliOptions& o) { return usageError("consolidate: not yet", o.lang); }
}  // namespace vnplan
