// `vnplan report`: implemented with the report documents (issue 5).
#include "cli/commands.hpp"

namespace vnplan {

int cmdReport(const std::vector<std::string>&, const CliOptions& o) {
  return usageError(o.lang == Lang::En ? "report: not available in this build" : "report: chưa có trong bản này", o.lang);
}

}  // namespace vnplan
