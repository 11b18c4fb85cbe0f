#include "cli/collect_common.hpp"

#include "compute/calendar.hpp"

namespace vnplan {

int periodUsageError(const CliOptions& o) {
  const bool en = o.lang == Lang::En;
  return usageError((en ? "--period must be 2026-H1, 2026, 2026-Q1…Q4 or 2026-9M, not: "
                        : "--period phải có dạng 2026-H1, 2026, 2026-Q1…Q4 hoặc 2026-9M, không phải: ") +
                        o.period,
                    o.lang);
}

std::optional<CalendarDate> reportDue(const Plan& plan, const ReportPeriod& period) {
  std::optional<CalendarDate> best;
  for (const auto& entry : reportingCalendar(plan)) {
    if (entry.kind != period.kind) continue;
    CalendarDate d = dueDate(entry, period);
    if (!best || d < *best) best = d;
  }
  return best;
}

std::string collectFileName(const Plan& plan, const ReportPeriod& period, const FormUnit& unit) {
  const std::string who = unit.kind == FormKind::Plan ? "toan-ke-hoach" : unit.code;
  return plan.id + "-" + period.key() + "-" + who + ".xlsx";
}

}  // namespace vnplan
