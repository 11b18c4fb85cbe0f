#include <gtest/gtest.h>

#include "model/progress.hpp"

using namespace vnplan;

TEST(ReportPeriod, ParsesEveryForm) {
  auto h1 = parseReportPeriod("2026-H1");
  ASSERT_TRUE(h1);
  EXPECT_EQ(h1->year, 2026);
  EXPECT_EQ(h1->kind, ReportKind::HalfYear);
  auto y = parseReportPeriod("2025");
  ASSERT_TRUE(y);
  EXPECT_EQ(y->kind, ReportKind::Annual);
  for (int q = 1; q <= 4; ++q) {
    auto p = parseReportPeriod("2026-Q" + std::to_string(q));
    ASSERT_TRUE(p);
    EXPECT_EQ(p->kind, ReportKind::Quarter);
    EXPECT_EQ(p->quarter, q);
  }
  auto m9 = parseReportPeriod("2026-9M");
  ASSERT_TRUE(m9);
  EXPECT_EQ(m9->kind, ReportKind::NineMonth);
}

TEST(ReportPeriod, RefusesOtherForms) {
  for (const char* bad : {"", "26", "2026-H2", "2026-Q0", "2026-Q5", "2026-h1", "2026-q1", "2026-", "20261", "1899",
                          "2026 ", "2026-Q1x", "abcd"})
    EXPECT_FALSE(parseReportPeriod(bad)) << bad;
}

TEST(ReportPeriod, KeyRoundTrips) {
  for (const char* k : {"2026-H1", "2025", "2026-Q1", "2026-Q4", "2026-9M"}) EXPECT_EQ(parseReportPeriod(k)->key(), k);
}

TEST(ReportPeriod, Labels) {
  EXPECT_EQ(parseReportPeriod("2026-H1")->label(Lang::Vi), "6 tháng đầu năm 2026");
  EXPECT_EQ(parseReportPeriod("2026")->label(Lang::Vi), "năm 2026");
  EXPECT_EQ(parseReportPeriod("2026-Q1")->label(Lang::Vi), "quý I năm 2026");
  EXPECT_EQ(parseReportPeriod("2026-Q3")->label(Lang::Vi), "quý III năm 2026");
  EXPECT_EQ(parseReportPeriod("2026-Q4")->label(Lang::Vi), "quý IV năm 2026");
  EXPECT_EQ(parseReportPeriod("2026-9M")->label(Lang::Vi), "9 tháng đầu năm 2026");
  EXPECT_EQ(parseReportPeriod("2026-H1")->label(Lang::En), "first half of 2026");
  EXPECT_EQ(parseReportPeriod("2026-Q2")->label(Lang::En), "Q2 2026");
  EXPECT_EQ(parseReportPeriod("2026")->label(Lang::En), "year 2026");
}

TEST(ReportPeriod, Nd09DataRanges) {
  auto r = dataRange(*parseReportPeriod("2026-H1"));
  EXPECT_EQ(r.first, (CalendarDate{2025, 12, 15}));
  EXPECT_EQ(r.last, (CalendarDate{2026, 6, 14}));
  r = dataRange(*parseReportPeriod("2026"));
  EXPECT_EQ(r.first, (CalendarDate{2025, 12, 15}));
  EXPECT_EQ(r.last, (CalendarDate{2026, 12, 14}));
  r = dataRange(*parseReportPeriod("2026-9M"));
  EXPECT_EQ(r.last, (CalendarDate{2026, 9, 14}));
  r = dataRange(*parseReportPeriod("2026-Q1"));
  EXPECT_EQ(r.first, (CalendarDate{2025, 12, 15}));
  EXPECT_EQ(r.last, (CalendarDate{2026, 3, 14}));
  r = dataRange(*parseReportPeriod("2026-Q2"));
  EXPECT_EQ(r.first, (CalendarDate{2026, 3, 15}));
  EXPECT_EQ(r.last, (CalendarDate{2026, 6, 14}));
  r = dataRange(*parseReportPeriod("2026-Q4"));
  EXPECT_EQ(r.first, (CalendarDate{2026, 9, 15}));
  EXPECT_EQ(r.last, (CalendarDate{2026, 12, 14}));
  EXPECT_TRUE(r.contains(CalendarDate{2026, 12, 14}));
  EXPECT_FALSE(r.contains(CalendarDate{2026, 12, 15}));
}

TEST(ProgressDates, ParseForms) {
  CalendarDate d;
  EXPECT_EQ(parseDate("14/6/2026", d), DateParse::Ok);
  EXPECT_EQ(d, (CalendarDate{2026, 6, 14}));
  EXPECT_EQ(parseDate("04/06/2026", d), DateParse::Ok);
  EXPECT_EQ(d, (CalendarDate{2026, 6, 4}));
  EXPECT_EQ(parseDate("2026-06-14", d), DateParse::Ok);
  EXPECT_EQ(d, (CalendarDate{2026, 6, 14}));
  EXPECT_EQ(parseDate("29/02/2024", d), DateParse::Ok);
  EXPECT_EQ(parseDate("29/02/2025", d), DateParse::Impossible);
  EXPECT_EQ(parseDate("31/06/2026", d), DateParse::Impossible);
  EXPECT_EQ(parseDate("2026-13-01", d), DateParse::Impossible);
  EXPECT_EQ(parseDate("hôm qua", d), DateParse::NotADate);
  EXPECT_EQ(parseDate("14/6/26", d), DateParse::NotADate);
  EXPECT_EQ(parseDate("6/2026", d), DateParse::NotADate);
  EXPECT_EQ(parseDate("", d), DateParse::NotADate);
  EXPECT_EQ(formatDateVi(CalendarDate{2026, 6, 4}), "04/06/2026");
  EXPECT_EQ(formatDateIso(CalendarDate{2026, 6, 4}), "2026-06-04");
}

TEST(ProgressStates, VietnameseWordsAndKeys) {
  EXPECT_EQ(parseTaskState("hoàn thành"), TaskState::Done);
  EXPECT_EQ(parseTaskState("Hoàn thành"), TaskState::Done);
  EXPECT_EQ(parseTaskState("Đã hoàn thành"), TaskState::Done);
  EXPECT_EQ(parseTaskState("đang thực hiện"), TaskState::InProgress);
  EXPECT_EQ(parseTaskState("Chưa thực hiện"), TaskState::NotStarted);
  EXPECT_EQ(parseTaskState("dừng/điều chỉnh"), TaskState::Stopped);
  EXPECT_EQ(parseTaskState("Dừng / điều chỉnh"), TaskState::Stopped);
  EXPECT_EQ(parseTaskState("dừng, điều chỉnh"), TaskState::Stopped);
  EXPECT_EQ(parseTaskState("điều chỉnh"), TaskState::Stopped);
  EXPECT_EQ(parseTaskState("done"), TaskState::Done);
  EXPECT_EQ(parseTaskState("not-started"), TaskState::NotStarted);
  EXPECT_FALSE(parseTaskState("xong"));
  EXPECT_FALSE(parseTaskState(""));
  EXPECT_EQ(taskStateLabel(TaskState::Stopped, Lang::Vi), "Dừng/điều chỉnh");
  EXPECT_STREQ(taskStateKey(TaskState::InProgress), "in-progress");
}
