#pragma once
// Task status at a report's reference date (the progress file's as_of, by default the ND09
// cut-off end of the period), with counts per appendix group and per lead agency.
// Pure functions; the results point into the Plan and ProgressReport passed in, which must
// outlive them.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"

namespace vnplan {

enum class TaskStatus {
  DoneOnTime,        // hoàn thành đúng hạn (also: done, no dated deadline)
  DoneLate,          // hoàn thành chậm so với thời hạn
  InProgress,        // đang thực hiện, deadline not passed (or none)
  NotStarted,        // chưa thực hiện, deadline not passed (or none)
  Overdue,           // quá hạn: the exact deadline's last day is before the reference date, not done
  Recurring,         // thực hiện thường xuyên / hằng năm (reported or not: see TaskEvaluation::progress)
  WaitingCondition,  // chờ điều kiện: conditional deadline, work not begun
  Stopped,           // dừng / điều chỉnh
  NotReported,       // no entry in the progress file, deadline not passed
};
inline constexpr size_t kTaskStatusCount = 9;
inline constexpr std::array<TaskStatus, kTaskStatusCount> kAllTaskStatuses = {
    TaskStatus::DoneOnTime,       TaskStatus::DoneLate, TaskStatus::InProgress,
    TaskStatus::NotStarted,       TaskStatus::Overdue,  TaskStatus::Recurring,
    TaskStatus::WaitingCondition, TaskStatus::Stopped,  TaskStatus::NotReported};

// "done-on-time", "done-late", "in-progress", "not-started", "overdue", "recurring",
// "waiting-condition", "stopped", "not-reported".
const char* taskStatusKey(TaskStatus s);
// "Hoàn thành đúng hạn", "Hoàn thành chậm", "Đang thực hiện", "Chưa thực hiện", "Quá hạn",
// "Thường xuyên, hằng năm", "Chờ điều kiện", "Dừng/điều chỉnh", "Chưa báo cáo" (and English).
std::string taskStatusLabel(TaskStatus s, Lang lang);

struct TaskEvaluation {
  const Task* task = nullptr;
  size_t group = 0;                        // index into plan.tasks->groups
  const TaskProgress* progress = nullptr;  // nullptr: the task has no entry (not reported)
  TaskStatus status = TaskStatus::NotReported;
  std::optional<CalendarDate> deadline;  // last on-time day of the dated (first) step
  long daysLate = 0;  // DoneLate: completion − deadline; Overdue: reference date − deadline; else 0
  bool reported() const { return progress != nullptr; }
};

// Status of one task at `at` (the reference date) in a period whose data range is `range`.
//  - Stopped when the entry says dừng/điều chỉnh, whatever the deadline.
//  - Recurring deadline ("Hằng năm", "Thường xuyên"): Recurring.
//  - Conditional deadline: DoneOnTime when done, InProgress when in progress, else WaitingCondition.
//  - Exact deadline (or one not understood, which has no date): done on or before the deadline's
//    last day → DoneOnTime, after → DoneLate; not done and the last day is before `at` → Overdue;
//    else InProgress / NotStarted, or NotReported without an entry. A completion date after `at`
//    does not count as done.
//  - Combined ("5/2025 và thực hiện thường xuyên"): `completed` is the first step's date. First
//    step completed before the period's data range → Recurring; completed within it → DoneOnTime /
//    DoneLate; not completed → as an exact deadline.
// A done entry without a completion date (the loader requires one for dated deadlines) counts
// as on time.
TaskEvaluation evaluateTask(const Task& task, const TaskProgress* progress, const DataRange& range,
                            const CalendarDate& at);

struct StatusCounts {
  std::array<int, kTaskStatusCount> byStatus{};
  int total = 0;
  int reported = 0;           // tasks with an entry in the progress file
  int recurringReported = 0;  // Recurring tasks with an entry
  int recurringDone = 0;      // Recurring tasks whose entry says hoàn thành (this period's part done)

  int count(TaskStatus s) const { return byStatus[static_cast<size_t>(s)]; }
  int done() const { return count(TaskStatus::DoneOnTime) + count(TaskStatus::DoneLate); }
  // Share of total in percent (0..100); 0 when total is 0. Not rounded.
  double percent(TaskStatus s) const { return share(count(s)); }
  double percentDone() const { return share(done()); }
  double share(int n) const { return total ? 100.0 * n / total : 0.0; }
  void add(const TaskEvaluation& e);
};

struct GroupStatus {
  size_t group = 0;    // index into plan.tasks->groups
  std::string number;  // "I", "II." as printed
  std::string title;
  StatusCounts counts;
};

struct AgencyStatus {
  std::string code;  // directory code, or empty for a free-text lead
  std::string name;  // the agency's name (or the free text); empty: tasks without a lead
  StatusCounts counts;
};

struct TaskStatusSummary {
  ReportPeriod period;
  DataRange range;
  CalendarDate at;                    // reference date (report.asOf)
  std::vector<TaskEvaluation> tasks;  // every task, plan order
  std::vector<GroupStatus> groups;    // plan order
  // One entry per lead (code, or text when not a code) in order of first appearance in the
  // table. A task with several leads counts under each, so these do not sum to the total.
  std::vector<AgencyStatus> agencies;
  StatusCounts total;
};

TaskStatusSummary computeTaskStatus(const Plan& plan, const ProgressReport& report);

// Lead agencies (name, as in AgencyStatus) having at least one task without an entry in the
// report, with how many such tasks, in order of first appearance.
std::vector<std::pair<std::string, int>> unitsWithoutData(const Plan& plan, const ProgressReport& report);

}  // namespace vnplan
