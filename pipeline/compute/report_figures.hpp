#pragma once
// The figures a progress report states, computed once and shared by the report's prose
// (Mustache), its PDF tables and chart, and its workbook, so every number printed in the
// PDF is the number in the XLSX.
#include <string>
#include <vector>

#include "compute/achievement.hpp"
#include "compute/task_status.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"

namespace vnplan {

// Counts shown for a set of tasks (the whole plan or one group).
struct TaskFigures {
  int total = 0;
  int done = 0, doneOnTime = 0, doneLate = 0;
  int inProgress = 0, notStarted = 0, overdue = 0;
  int recurring = 0, waiting = 0, stopped = 0, notReported = 0;
  double donePercent = 0, overduePercent = 0;  // of total, unrounded
};

struct GroupFigures {
  std::string number, title;
  TaskFigures tasks;
};

struct IndicatorFigures {
  int total = 0, met = 0, notMet = 0, notComparable = 0, noData = 0;
  double metPercent = 0;  // of total
};

struct ReportFigures {
  ReportPeriod period;
  DataRange range;
  CalendarDate asOf;
  TaskFigures tasks;
  std::vector<GroupFigures> groups;
  IndicatorFigures indicators;
};

TaskFigures taskFigures(const StatusCounts& c);
ReportFigures reportFigures(const TaskStatusSummary& tasks, const IndicatorSummary& indicators);

// "34,6" — one decimal, Vietnamese comma; "100" and "0" without decimals.
std::string formatPercent(double percent);

}  // namespace vnplan
