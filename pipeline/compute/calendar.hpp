#pragma once
// The reporting calendar of a plan: which reports are due when, and which of them are
// coming or past on a given day. Pure functions of their arguments (no I/O, no clock).
// The ND09 data period (cut-off dates) of a period is dataRange() in model/progress.hpp.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "model/progress.hpp"

namespace vnplan {

inline constexpr int kDefaultDueHorizonDays = 30;

// The plan's `reporting` entries, or the default calendar when it has none:
// a 6-month report due 10/6 and an annual report due 10/12.
std::vector<ReportDue> reportingCalendar(const Plan& plan);
std::vector<ReportDue> defaultReportingCalendar();

// The periods one calendar entry asks for in `year`: four quarters, or one period.
std::vector<ReportPeriod> periodsOf(const ReportDue& entry, int year);

// The deadline ("trước ngày …") of period p under a calendar entry of the same kind. The entry's
// day/month is taken in the period's year; for quarterly entries it is the deadline of Q1 and
// each later quarter is 3 months later (month > 12 wraps into the next year). A day beyond the
// month's end is clamped (31/6 → 30/6). A date more than 45 days before the period's cut-off
// end is taken to mean the next year (an annual report "due 15/1" is due 15/1 of the next year).
CalendarDate dueDate(const ReportDue& entry, const ReportPeriod& p);

// The deadline of period p in the plan's calendar (the earliest entry of its kind); nullopt
// when the calendar does not ask for that kind of report.
std::optional<CalendarDate> reportDeadline(const Plan& plan, const ReportPeriod& p);

// The date of the figures when a progress file omits `as_of`: the period's ND09 cut-off
// (dataRange(p).last), but never on or after the report's deadline (then the day before it)
// and never after the report's own date when it has one; never before the range starts.
CalendarDate defaultAsOf(const Plan& plan, const ProgressReport& rep);

struct ScheduledReport {
  ReportPeriod period;
  CalendarDate due;
};

// Every report the calendar asks for in years fromYear..toYear (by period year), sorted by
// deadline (then period key). A period named by several entries keeps its earliest deadline.
std::vector<ScheduledReport> reportSchedule(const Plan& plan, int fromYear, int toYear);

// Plan id → period keys that have a progress file (see availableProgress() in the loader).
using ProgressAvailability = std::map<std::string, std::set<std::string>>;

struct DueReport {
  std::string planId;
  ReportPeriod period;
  CalendarDate due;
  long daysLeft = 0;  // due − today in days; 0: due today; negative: overdue
  DataRange data;     // the ND09 data period
  bool hasData = false;
  bool current = true;  // false: the report before the current one (always past)
};

// For each plan: the "current" report — the latest one whose deadline is on or before
// today + horizonDays (so it is coming within the horizon, or already past) — and the report
// before it in the plan's schedule. Reports due before the plan's own date (missing day or month
// read as 1) are not asked for. Result sorted by plan order, then deadline.
std::vector<DueReport> dueReports(const std::vector<Plan>& plans, const ProgressAvailability& available,
                                  const CalendarDate& today, int horizonDays = kDefaultDueHorizonDays);
std::vector<DueReport> dueReports(const Plan& plan, const std::set<std::string>& available, const CalendarDate& today,
                                  int horizonDays = kDefaultDueHorizonDays);

}  // namespace vnplan
