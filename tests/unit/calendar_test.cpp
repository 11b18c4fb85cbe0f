#include "compute/calendar.hpp"

#include <gtest/gtest.h>

using namespace vnplan;

namespace {

Plan planWith(std::vector<ReportDue> reporting, PartialDate date = {}, std::string id = "p") {
  Plan p;
  p.id = std::move(id);
  p.reporting = std::move(reporting);
  p.document.date = date;
  return p;
}

ReportPeriod period(const char* key) { return *parseReportPeriod(key); }

}  // namespace

TEST(Calendar, DefaultIsHalfYearBefore10June_AnnualBefore10December) {
  auto cal = reportingCalendar(planWith({}));
  ASSERT_EQ(cal.size(), 2u);
  EXPECT_EQ(cal[0].kind, ReportKind::HalfYear);
  EXPECT_EQ(cal[0].day, 10);
  EXPECT_EQ(cal[0].month, 6);
  EXPECT_EQ(cal[1].kind, ReportKind::Annual);
  EXPECT_EQ(cal[1].day, 10);
  EXPECT_EQ(cal[1].month, 12);
  // A plan's own calendar replaces the default.
  auto own = reportingCalendar(planWith({{ReportKind::Annual, 15, 11}}));
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].month, 11);
}

TEST(Calendar, DueDates) {
  EXPECT_EQ(dueDate({ReportKind::HalfYear, 10, 6}, period("2026-H1")), (CalendarDate{2026, 6, 10}));
  EXPECT_EQ(dueDate({ReportKind::Annual, 10, 12}, period("2026")), (CalendarDate{2026, 12, 10}));
  EXPECT_EQ(dueDate({ReportKind::Annual, 15, 11}, period("2026")), (CalendarDate{2026, 11, 15}));
  // "Due 15/1" for an annual report means January of the next year.
  EXPECT_EQ(dueDate({ReportKind::Annual, 15, 1}, period("2026")), (CalendarDate{2027, 1, 15}));
  EXPECT_EQ(dueDate({ReportKind::NineMonth, 20, 9}, period("2026-9M")), (CalendarDate{2026, 9, 20}));
  // Quarterly: the entry names Q1's deadline; each later quarter is three months later.
  ReportDue q{ReportKind::Quarter, 20, 3};
  EXPECT_EQ(dueDate(q, period("2026-Q1")), (CalendarDate{2026, 3, 20}));
  EXPECT_EQ(dueDate(q, period("2026-Q2")), (CalendarDate{2026, 6, 20}));
  EXPECT_EQ(dueDate(q, period("2026-Q4")), (CalendarDate{2026, 12, 20}));
  ReportDue q2{ReportKind::Quarter, 31, 4};
  EXPECT_EQ(dueDate(q2, period("2026-Q2")), (CalendarDate{2026, 7, 31}));
  EXPECT_EQ(dueDate(q2, period("2026-Q3")), (CalendarDate{2026, 10, 31}));
  EXPECT_EQ(dueDate(q2, period("2026-Q4")), (CalendarDate{2027, 1, 31}));  // wraps
  ReportDue q3{ReportKind::Quarter, 31, 3};
  EXPECT_EQ(dueDate(q3, period("2026-Q2")), (CalendarDate{2026, 6, 30}));  // clamped
}

TEST(Calendar, ScheduleKeepsTheEarliestDeadlineOfAPeriod) {
  auto s = reportSchedule(
      planWith({{ReportKind::Annual, 10, 12}, {ReportKind::Annual, 15, 11}, {ReportKind::HalfYear, 10, 6}}), 2026,
      2026);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].period.key(), "2026-H1");
  EXPECT_EQ(s[1].period.key(), "2026");
  EXPECT_EQ(s[1].due, (CalendarDate{2026, 11, 15}));
}

TEST(Calendar, DueAroundTenthOfJune) {
  const Plan p = planWith({});
  auto r = dueReports(p, {}, CalendarDate{2026, 5, 20});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].period.key(), "2025");  // the previous report, past
  EXPECT_FALSE(r[0].current);
  EXPECT_EQ(r[0].daysLeft, -161);
  EXPECT_EQ(r[1].period.key(), "2026-H1");
  EXPECT_TRUE(r[1].current);
  EXPECT_EQ(r[1].due, (CalendarDate{2026, 6, 10}));
  EXPECT_EQ(r[1].daysLeft, 21);
  EXPECT_EQ(r[1].data.first, (CalendarDate{2025, 12, 15}));
  EXPECT_EQ(r[1].data.last, (CalendarDate{2026, 6, 14}));
  EXPECT_FALSE(r[1].hasData);

  EXPECT_EQ(dueReports(p, {}, CalendarDate{2026, 6, 9})[1].daysLeft, 1);
  EXPECT_EQ(dueReports(p, {}, CalendarDate{2026, 6, 10})[1].daysLeft, 0);
  auto after = dueReports(p, {"2026-H1"}, CalendarDate{2026, 6, 11});
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[1].period.key(), "2026-H1");
  EXPECT_EQ(after[1].daysLeft, -1);  // overdue by one day
  EXPECT_TRUE(after[1].hasData);
  EXPECT_FALSE(after[0].hasData);  // no 2025 file given
}

TEST(Calendar, HorizonIsAParameter) {
  const Plan p = planWith({});
  // 10/6 is 31 days after 10/5: outside the default 30-day horizon.
  auto r = dueReports(p, {}, CalendarDate{2026, 5, 10});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].period.key(), "2025");
  EXPECT_EQ(r[0].period.key(), "2025-H1");
  auto wide = dueReports(p, {}, CalendarDate{2026, 5, 10}, 31);
  EXPECT_EQ(wide[1].period.key(), "2026-H1");
  EXPECT_EQ(wide[1].daysLeft, 31);
}

TEST(Calendar, DueAroundTenthOfDecember) {
  const Plan p = planWith({});
  auto r = dueReports(p, {"2026-H1", "2026"}, CalendarDate{2026, 12, 9});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].period.key(), "2026-H1");
  EXPECT_EQ(r[1].period.key(), "2026");
  EXPECT_EQ(r[1].daysLeft, 1);
  EXPECT_TRUE(r[1].hasData);
  EXPECT_EQ(r[1].data.first, (CalendarDate{2025, 12, 15}));
  EXPECT_EQ(r[1].data.last, (CalendarDate{2026, 12, 14}));
}

TEST(Calendar, ReportsBeforeThePlanExistAreNotAsked) {
  const Plan p = planWith({}, PartialDate{27, 10, 2025});
  auto r = dueReports(p, {}, CalendarDate{2026, 1, 10});
  ASSERT_EQ(r.size(), 1u);  // 2025-H1 was due before the plan was issued
  EXPECT_EQ(r[0].period.key(), "2025");
  EXPECT_TRUE(dueReports(planWith({}, PartialDate{0, 0, 2027}), {}, CalendarDate{2026, 1, 10}).empty());
}

TEST(Calendar, SeveralPlans) {
  std::vector<Plan> plans = {planWith({}, {}, "a"), planWith({{ReportKind::Quarter, 20, 3}}, {}, "b")};
  ProgressAvailability avail{{"b", {"2026-Q2"}}};
  auto r = dueReports(plans, avail, CalendarDate{2026, 6, 15});
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].planId, "a");
  EXPECT_EQ(r[2].planId, "b");
  EXPECT_EQ(r[2].period.key(), "2026-Q1");
  EXPECT_EQ(r[3].period.key(), "2026-Q2");
  EXPECT_EQ(r[3].daysLeft, 5);
  EXPECT_TRUE(r[3].hasData);
}
