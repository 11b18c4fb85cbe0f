// `vnplan due`: implemented with the reporting calendar (issue 5).
#include "cli/commands.hpp"

namespace vnplan {

int cmdDue(const std::vector<std::string>&, const CliOptions& o) {
  return usageError(o.lang == Lang::En ? "due: not available in this build" : "due: chưa có trong bản này", o.lang);
}

}  // namespace vnplan
