#include "cli/collect_common.hpp"

namespace vnplan {

int periodUsageError(const CliOptions& o) {
  const bool en = o.lang == Lang::En;
  return usageError((en ? "--period must be 2026-H1, 2026, 2026-Q1…Q4 or 2026-9M, not: "
                        : "--period phải có dạng 2026-H1, 2026, 2026-Q1…Q4 hoặc 2026-9M, không phải: ") +
                        o.period,
                    o.lang);
}

}  // namespace vnplan
