#include "compute/task_status.hpp"

#include <gtest/gtest.h>

using namespace vnplan;

namespace {

Task task(const std::string& number, const std::string& deadline, std::vector<AgencyRef> lead = {}) {
  Task t;
  t.number = number;
  t.name = "Nhiệm vụ " + number;
  t.deadline = parseDeadline(deadline);
  t.lead = std::move(lead);
  return t;
}

TaskProgress entry(const std::string& number, TaskState s, std::optional<CalendarDate> completed = std::nullopt) {
  TaskProgress p;
  p.number = number;
  p.state = s;
  p.completed = completed;
  return p;
}

const DataRange kYear2025 = dataRange(ReportPeriod{2025, ReportKind::Annual, 0});  // 15/12/2024 – 14/12/2025
const CalendarDate kAt2025{2025, 12, 14};

}  // namespace

TEST(TaskStatus, DoneOnTheLastDayIsOnTime_TheDayAfterIsLate) {
  const Task t = task("1", "3/2025");  // last day 31/03/2025
  auto onTime = entry("1", TaskState::Done, CalendarDate{2025, 3, 31});
  auto e = evaluateTask(t, &onTime, kYear2025, kAt2025);
  EXPECT_EQ(e.status, TaskStatus::DoneOnTime);
  EXPECT_EQ(e.deadline, (CalendarDate{2025, 3, 31}));
  auto late = entry("1", TaskState::Done, CalendarDate{2025, 4, 1});
  e = evaluateTask(t, &late, kYear2025, kAt2025);
  EXPECT_EQ(e.status, TaskStatus::DoneLate);
  EXPECT_EQ(e.daysLate, 1);
}

TEST(TaskStatus, OverdueOnlyAfterTheLastDay) {
  const Task t = task("1", "Quý II/năm 2025");  // last day 30/06/2025
  auto p = entry("1", TaskState::InProgress);
  EXPECT_EQ(evaluateTask(t, &p, kYear2025, CalendarDate{2025, 6, 30}).status, TaskStatus::InProgress);
  auto e = evaluateTask(t, &p, kYear2025, CalendarDate{2025, 7, 1});
  EXPECT_EQ(e.status, TaskStatus::Overdue);
  EXPECT_EQ(e.daysLate, 1);
  auto ns = entry("1", TaskState::NotStarted);
  EXPECT_EQ(evaluateTask(t, &ns, kYear2025, CalendarDate{2025, 5, 1}).status, TaskStatus::NotStarted);
  EXPECT_EQ(evaluateTask(t, &ns, kYear2025, kAt2025).status, TaskStatus::Overdue);
  // No entry: overdue once the deadline passed, else not reported.
  EXPECT_EQ(evaluateTask(t, nullptr, kYear2025, kAt2025).status, TaskStatus::Overdue);
  EXPECT_EQ(evaluateTask(t, nullptr, kYear2025, CalendarDate{2025, 5, 1}).status, TaskStatus::NotReported);
  // Completed after the reference date: not done at that date.
  auto future = entry("1", TaskState::Done, CalendarDate{2025, 12, 20});
  EXPECT_EQ(evaluateTask(t, &future, kYear2025, kAt2025).status, TaskStatus::Overdue);
}

TEST(TaskStatus, YearDeadlineRunsToTheThirtyFirstOfDecember) {
  const Task t = task("1", "Năm 2025");
  auto p = entry("1", TaskState::InProgress);
  // The annual cut-off (14/12) is before 31/12: still in progress, not overdue.
  EXPECT_EQ(evaluateTask(t, &p, kYear2025, kAt2025).status, TaskStatus::InProgress);
  const DataRange h1 = dataRange(ReportPeriod{2026, ReportKind::HalfYear, 0});
  auto e = evaluateTask(t, &p, h1, CalendarDate{2026, 6, 14});
  EXPECT_EQ(e.status, TaskStatus::Overdue);
  EXPECT_EQ(e.daysLate, 165);
}

TEST(TaskStatus, RecurringTask) {
  const Task t = task("2", "Hằng năm");
  auto done = entry("2", TaskState::Done, CalendarDate{2025, 11, 1});
  auto e = evaluateTask(t, &done, kYear2025, kAt2025);
  EXPECT_EQ(e.status, TaskStatus::Recurring);
  EXPECT_TRUE(e.reported());
  EXPECT_FALSE(e.deadline);
  e = evaluateTask(t, nullptr, kYear2025, kAt2025);
  EXPECT_EQ(e.status, TaskStatus::Recurring);
  EXPECT_FALSE(e.reported());
  EXPECT_EQ(evaluateTask(task("2", "Thường xuyên"), nullptr, kYear2025, kAt2025).status, TaskStatus::Recurring);
}

TEST(TaskStatus, ConditionalTask) {
  const Task t = task("3", "Sau khi tỉnh triển khai");
  EXPECT_EQ(evaluateTask(t, nullptr, kYear2025, kAt2025).status, TaskStatus::WaitingCondition);
  auto ns = entry("3", TaskState::NotStarted);
  EXPECT_EQ(evaluateTask(t, &ns, kYear2025, kAt2025).status, TaskStatus::WaitingCondition);
  auto ip = entry("3", TaskState::InProgress);
  EXPECT_EQ(evaluateTask(t, &ip, kYear2025, kAt2025).status, TaskStatus::InProgress);
  auto done = entry("3", TaskState::Done, CalendarDate{2025, 9, 1});
  EXPECT_EQ(evaluateTask(t, &done, kYear2025, kAt2025).status, TaskStatus::DoneOnTime);  // no deadline to miss
}

TEST(TaskStatus, CombinedTask) {
  const Task t = task("4", "5/2025 và thực hiện thường xuyên");  // first step by 31/05/2025
  auto firstStepOnTime = entry("4", TaskState::InProgress, CalendarDate{2025, 5, 28});
  EXPECT_EQ(evaluateTask(t, &firstStepOnTime, kYear2025, kAt2025).status, TaskStatus::DoneOnTime);
  auto firstStepLate = entry("4", TaskState::InProgress, CalendarDate{2025, 6, 10});
  auto e = evaluateTask(t, &firstStepLate, kYear2025, kAt2025);
  EXPECT_EQ(e.status, TaskStatus::DoneLate);
  EXPECT_EQ(e.daysLate, 10);
  auto notYet = entry("4", TaskState::InProgress);
  EXPECT_EQ(evaluateTask(t, &notYet, kYear2025, kAt2025).status, TaskStatus::Overdue);
  // The next period: the first step was done before it, so the task is recurring now.
  const DataRange h1 = dataRange(ReportPeriod{2026, ReportKind::HalfYear, 0});
  EXPECT_EQ(evaluateTask(t, &firstStepLate, h1, CalendarDate{2026, 6, 14}).status, TaskStatus::Recurring);
}

TEST(TaskStatus, StoppedWinsOverTheDeadline) {
  auto s = entry("1", TaskState::Stopped);
  s.reason = "Điều chỉnh";
  EXPECT_EQ(evaluateTask(task("1", "3/2025"), &s, kYear2025, kAt2025).status, TaskStatus::Stopped);
  EXPECT_EQ(evaluateTask(task("1", "Hằng năm"), &s, kYear2025, kAt2025).status, TaskStatus::Stopped);
}

TEST(TaskStatus, CountsPerGroupAndLeadAgency) {
  Plan plan;
  plan.tasks.emplace();
  AgencyRef vh{"VH", "Công chức Văn hóa"}, tc{"TC", "Công chức Tài chính"}, thon{"", "Các thôn"},
      thon2{"", "các thôn."};
  plan.tasks->groups.push_back({"I", "Tuyên truyền", {task("1", "3/2025", {vh}), task("2", "Hằng năm", {vh, thon})}});
  plan.tasks->groups.push_back(
      {"II",
       "Hạ tầng",
       {task("3", "Sau khi tỉnh triển khai", {tc}), task("4", "Năm 2025", {thon2}), task("5", "6/2025", {})}});
  ProgressReport rep;
  rep.period = ReportPeriod{2025, ReportKind::Annual, 0};
  rep.asOf = CalendarDate{2025, 12, 5};
  rep.tasks = {entry("1", TaskState::Done, CalendarDate{2025, 4, 2}),
               entry("2", TaskState::Done, CalendarDate{2025, 9, 9}), entry("4", TaskState::InProgress)};
  auto s = computeTaskStatus(plan, rep);
  ASSERT_EQ(s.tasks.size(), 5u);
  EXPECT_EQ(s.tasks[0].status, TaskStatus::DoneLate);
  EXPECT_EQ(s.tasks[4].status, TaskStatus::Overdue);  // 6/2025, no entry
  EXPECT_EQ(s.tasks[4].group, 1u);
  EXPECT_EQ(s.total.total, 5);
  EXPECT_EQ(s.total.reported, 3);
  EXPECT_EQ(s.total.done(), 1);
  EXPECT_EQ(s.total.count(TaskStatus::Recurring), 1);
  EXPECT_EQ(s.total.recurringReported, 1);
  EXPECT_EQ(s.total.recurringDone, 1);
  EXPECT_EQ(s.total.count(TaskStatus::WaitingCondition), 1);
  EXPECT_EQ(s.total.count(TaskStatus::InProgress), 1);
  EXPECT_DOUBLE_EQ(s.total.percentDone(), 20.0);
  EXPECT_DOUBLE_EQ(s.total.percent(TaskStatus::Overdue), 20.0);
  ASSERT_EQ(s.groups.size(), 2u);
  EXPECT_EQ(s.groups[0].number, "I");
  EXPECT_EQ(s.groups[0].counts.total, 2);
  EXPECT_EQ(s.groups[1].counts.total, 3);
  EXPECT_EQ(s.groups[1].counts.count(TaskStatus::Overdue), 1);
  // Leads in order of first appearance; "Các thôn" and "các thôn." are one lead; a task
  // without a lead is counted under an empty name.
  ASSERT_EQ(s.agencies.size(), 4u);
  EXPECT_EQ(s.agencies[0].code, "VH");
  EXPECT_EQ(s.agencies[0].counts.total, 2);
  EXPECT_EQ(s.agencies[1].name, "Các thôn");
  EXPECT_EQ(s.agencies[1].counts.total, 2);
  EXPECT_EQ(s.agencies[2].code, "TC");
  EXPECT_EQ(s.agencies[3].name, "");
  EXPECT_EQ(s.agencies[3].counts.count(TaskStatus::Overdue), 1);

  auto units = unitsWithoutData(plan, rep);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0], (std::pair<std::string, int>{"Công chức Tài chính", 1}));
}

TEST(TaskStatus, EmptyPlanHasZeroPercentages) {
  Plan plan;
  ProgressReport rep;
  rep.period = ReportPeriod{2026, ReportKind::HalfYear, 0};
  auto s = computeTaskStatus(plan, rep);
  EXPECT_EQ(s.total.total, 0);
  EXPECT_DOUBLE_EQ(s.total.percentDone(), 0.0);
  EXPECT_EQ(taskStatusLabel(TaskStatus::Overdue, Lang::Vi), "Quá hạn");
  EXPECT_STREQ(taskStatusKey(TaskStatus::WaitingCondition), "waiting-condition");
}
