#include "compute/report_figures.hpp"

#include <cmath>

#include "model/text.hpp"

namespace vnplan {

TaskFigures taskFigures(const StatusCounts& c) {
  TaskFigures f;
  f.total = c.total;
  f.doneOnTime = c.count(TaskStatus::DoneOnTime);
  f.doneLate = c.count(TaskStatus::DoneLate);
  f.done = f.doneOnTime + f.doneLate;
  f.inProgress = c.count(TaskStatus::InProgress);
  f.notStarted = c.count(TaskStatus::NotStarted);
  f.overdue = c.count(TaskStatus::Overdue);
  f.recurring = c.count(TaskStatus::Recurring);
  f.waiting = c.count(TaskStatus::WaitingCondition);
  f.stopped = c.count(TaskStatus::Stopped);
  f.notReported = c.count(TaskStatus::NotReported);
  f.donePercent = c.percentDone();
  f.overduePercent = c.percent(TaskStatus::Overdue);
  return f;
}

ReportFigures reportFigures(const TaskStatusSummary& tasks, const IndicatorSummary& indicators) {
  ReportFigures r;
  r.period = tasks.period;
  r.range = tasks.range;
  r.asOf = tasks.at;
  r.tasks = taskFigures(tasks.total);
  for (const auto& g : tasks.groups) r.groups.push_back({g.number, g.title, taskFigures(g.counts)});
  const AchievementCounts& a = indicators.total;
  r.indicators = {a.total, a.met, a.notMet, a.notComparable, a.noData, a.share(a.met)};
  return r;
}

std::string formatPercent(double percent) {
  double r = std::round(percent * 10) / 10;
  return formatVietnameseNumber(r, r == std::floor(r) ? 0 : 1);
}

}  // namespace vnplan
