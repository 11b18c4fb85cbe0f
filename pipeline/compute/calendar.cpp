#include "compute/calendar.hpp"

#include <algorithm>

namespace vnplan {

std::vector<ReportDue> defaultReportingCalendar() {
  return {ReportDue{ReportKind::HalfYear, 10, 6}, ReportDue{ReportKind::Annual, 10, 12}};
}

std::vector<ReportDue> reportingCalendar(const Plan& plan) {
  return plan.reporting.empty() ? defaultReportingCalendar() : plan.reporting;
}

std::vector<ReportPeriod> periodsOf(const ReportDue& entry, int year) {
  std::vector<ReportPeriod> out;
  if (entry.kind == ReportKind::Quarter) {
    for (int q = 1; q <= 4; ++q) out.push_back(ReportPeriod{year, ReportKind::Quarter, q});
  } else {
    out.push_back(ReportPeriod{year, entry.kind, 0});
  }
  return out;
}

CalendarDate dueDate(const ReportDue& entry, const ReportPeriod& p) {
  int year = p.year;
  int month = entry.month;
  if (p.kind == ReportKind::Quarter && p.quarter > 1) month += 3 * (p.quarter - 1);
  while (month > 12) {
    month -= 12;
    ++year;
  }
  auto make = [&](int y) { return CalendarDate{y, month, std::min(entry.day, daysInMonth(y, month))}; };
  CalendarDate d = make(year);
  if (daysFromCivil(d) < daysFromCivil(dataRange(p).last) - 45) d = make(year + 1);
  return d;
}

std::optional<CalendarDate> reportDeadline(const Plan& plan, const ReportPeriod& p) {
  std::optional<CalendarDate> out;
  for (const auto& entry : reportingCalendar(plan)) {
    if (entry.kind != p.kind) continue;
    CalendarDate d = dueDate(entry, p);
    if (!out || d < *out) out = d;
  }
  return out;
}

CalendarDate defaultAsOf(const Plan& plan, const ProgressReport& rep) {
  const DataRange range = dataRange(rep.period);
  CalendarDate d = range.last;
  if (auto due = reportDeadline(plan, rep.period)) {
    CalendarDate before = civilFromDays(daysFromCivil(*due) - 1);
    if (before < d) d = before;
  }
  const PartialDate& issued = rep.document.date;
  if (issued.complete()) {
    CalendarDate i{issued.year, issued.month, issued.day};
    if (i < d) d = i;
  }
  return d < range.first ? range.first : d;
}

std::vector<ScheduledReport> reportSchedule(const Plan& plan, int fromYear, int toYear) {
  std::map<std::string, ScheduledReport> byKey;
  for (const auto& entry : reportingCalendar(plan))
    for (int y = fromYear; y <= toYear; ++y)
      for (const auto& p : periodsOf(entry, y)) {
        ScheduledReport s{p, dueDate(entry, p)};
        auto it = byKey.find(p.key());
        if (it == byKey.end())
          byKey.emplace(p.key(), s);
        else if (s.due < it->second.due)
          it->second = s;
      }
  std::vector<ScheduledReport> out;
  for (auto& [k, s] : byKey) out.push_back(s);
  std::stable_sort(out.begin(), out.end(), [](const ScheduledReport& a, const ScheduledReport& b) {
    if (a.due != b.due) return a.due < b.due;
    return a.period.key() < b.period.key();
  });
  return out;
}

std::vector<DueReport> dueReports(const Plan& plan, const std::set<std::string>& available, const CalendarDate& today,
                                  int horizonDays) {
  std::vector<DueReport> out;
  // Years well around today: enough for a current and a previous report of any calendar.
  std::vector<ScheduledReport> schedule = reportSchedule(plan, today.year - 2, today.year + 1);
  if (plan.document.date.year) {
    const PartialDate& pd = plan.document.date;
    CalendarDate start{pd.year, pd.month ? pd.month : 1, pd.day ? pd.day : 1};
    std::erase_if(schedule, [&](const ScheduledReport& s) { return s.due < start; });
  }
  const long todayN = daysFromCivil(today);
  const long horizonEnd = todayN + horizonDays;
  long current = -1;
  for (size_t i = 0; i < schedule.size(); ++i)
    if (daysFromCivil(schedule[i].due) <= horizonEnd) current = static_cast<long>(i);
  if (current < 0) return out;
  for (long i = std::max(0L, current - 1); i <= current; ++i) {
    const ScheduledReport& s = schedule[static_cast<size_t>(i)];
    DueReport r;
    r.planId = plan.id;
    r.period = s.period;
    r.due = s.due;
    r.daysLeft = daysFromCivil(s.due) - todayN;
    r.data = dataRange(s.period);
    r.hasData = available.count(s.period.key()) > 0;
    r.current = i == current;
    out.push_back(r);
  }
  return out;
}

std::vector<DueReport> dueReports(const std::vector<Plan>& plans, const ProgressAvailability& available,
                                  const CalendarDate& today, int horizonDays) {
  static const std::set<std::string> none;
  std::vector<DueReport> out;
  for (const auto& plan : plans) {
    auto it = available.find(plan.id);
    auto part = dueReports(plan, it == available.end() ? none : it->second, today, horizonDays);
    out.insert(out.end(), part.begin(), part.end());
  }
  return out;
}

}  // namespace vnplan
