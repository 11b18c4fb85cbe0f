#include <gtest/gtest.h>

#include "model/deadline.hpp"

using namespace vnplan;

TEST(ParseDeadline, MonthSlashYear) {
  Deadline d = parseDeadline("3/2025");
  EXPECT_EQ(d.kind, DeadlineKind::Exact);
  EXPECT_EQ(d.granularity, Granularity::Month);
  EXPECT_EQ(d.month, 3);
  EXPECT_EQ(d.year, 2025);
  EXPECT_EQ(d.text, "3/2025");
  ASSERT_TRUE(d.lastDay());
  EXPECT_EQ(*d.lastDay(), (CalendarDate{2025, 3, 31}));
}

TEST(ParseDeadline, MonthWord) {
  Deadline d = parseDeadline("Tháng 10/2025");
  EXPECT_EQ(d.kind, DeadlineKind::Exact);
  EXPECT_EQ(d.month, 10);
  EXPECT_EQ(d.year, 2025);
  EXPECT_EQ(parseDeadline("12/2025").month, 12);
  EXPECT_EQ(parseDeadline("Tháng 6 năm 2026").month, 6);
}

TEST(ParseDeadline, Quarter) {
  Deadline d = parseDeadline("Quý II/năm 2025");
  EXPECT_EQ(d.kind, DeadlineKind::Exact);
  EXPECT_EQ(d.granularity, Granularity::Quarter);
  EXPECT_EQ(d.quarter, 2);
  EXPECT_EQ(d.year, 2025);
  EXPECT_EQ(*d.lastDay(), (CalendarDate{2025, 6, 30}));
  EXPECT_EQ(parseDeadline("Quý IV năm 2025").quarter, 4);
  EXPECT_EQ(parseDeadline("Quý III/2025").quarter, 3);
}

TEST(ParseDeadline, Year) {
  Deadline d = parseDeadline("Năm 2026");
  EXPECT_EQ(d.kind, DeadlineKind::Exact);
  EXPECT_EQ(d.granularity, Granularity::Year);
  EXPECT_EQ(d.year, 2026);
  EXPECT_EQ(*d.lastDay(), (CalendarDate{2026, 12, 31}));
  Deadline r = parseDeadline("2025 - 2030");
  EXPECT_EQ(r.kind, DeadlineKind::Exact);
  EXPECT_EQ(r.year, 2030);
  EXPECT_EQ(parseDeadline("Giai đoạn 2026-2030").year, 2030);
  EXPECT_EQ(parseDeadline("Trước năm 2027").year, 2027);
}

TEST(ParseDeadline, Day) {
  Deadline d = parseDeadline("31/12/2025");
  EXPECT_EQ(d.granularity, Granularity::Day);
  EXPECT_EQ(*d.lastDay(), (CalendarDate{2025, 12, 31}));
  EXPECT_FALSE(d.impossible);
  EXPECT_TRUE(parseDeadline("31/02/2025").impossible);
  EXPECT_TRUE(parseDeadline("13/2025").impossible);
  EXPECT_FALSE(parseDeadline("29/02/2024").impossible);
  EXPECT_TRUE(parseDeadline("29/02/2025").impossible);
}

TEST(ParseDeadline, Recurring) {
  for (const char* t : {"Hàng năm", "Hằng năm", "hằng năm."}) {
    Deadline d = parseDeadline(t);
    EXPECT_EQ(d.kind, DeadlineKind::Recurring) << t;
    EXPECT_EQ(d.recurrence, Recurrence::Yearly) << t;
  }
  Deadline c = parseDeadline("Thường xuyên");
  EXPECT_EQ(c.kind, DeadlineKind::Recurring);
  EXPECT_EQ(c.recurrence, Recurrence::Continuous);
  Deadline m = parseDeadline("Tháng 02 hàng năm");
  EXPECT_EQ(m.kind, DeadlineKind::Recurring);
  EXPECT_EQ(m.recurringMonth, 2);
  EXPECT_FALSE(m.lastDay());
}

TEST(ParseDeadline, Conditional) {
  for (const char* t : {"Sau khi tỉnh triển khai", "Sau khi có văn bản của tỉnh", "Theo lộ trình của tỉnh",
                        "Khi có đề nghị", "Thực hiện theo KH của tỉnh", "Theo hướng dẫn của TW, của tỉnh"}) {
    Deadline d = parseDeadline(t);
    EXPECT_EQ(d.kind, DeadlineKind::Conditional) << t;
    EXPECT_EQ(d.condition, t);
  }
}

TEST(ParseDeadline, Combined) {
  Deadline d = parseDeadline("5/2025 và thực hiện thường xuyên");
  EXPECT_EQ(d.kind, DeadlineKind::Combined);
  EXPECT_EQ(d.month, 5);
  EXPECT_EQ(d.year, 2025);
  EXPECT_EQ(d.recurrence, Recurrence::Continuous);
  EXPECT_EQ(*d.lastDay(), (CalendarDate{2025, 5, 31}));
  Deadline y = parseDeadline("Năm 2025, hằng năm");
  EXPECT_EQ(y.kind, DeadlineKind::Combined);
  EXPECT_EQ(y.recurrence, Recurrence::Yearly);
}

TEST(ParseDeadline, UnknownKeepsText) {
  Deadline d = parseDeadline("Khẩn trương");
  EXPECT_EQ(d.kind, DeadlineKind::Unknown);
  EXPECT_EQ(d.text, "Khẩn trương");
  EXPECT_EQ(parseDeadline("").kind, DeadlineKind::Unknown);
}

TEST(CivilDays, RoundTrip) {
  for (long z : {-1000L, 0L, 59L, 20000L, 20454L}) EXPECT_EQ(daysFromCivil(civilFromDays(z)), z);
  EXPECT_EQ(daysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(daysFromCivil({2026, 6, 10}) - daysFromCivil({2026, 6, 1}), 9);
}

// Every distinct deadline text of the three seed plans, with the kind it must parse to.
TEST(ParseDeadline, EverySeedDeadline) {
  struct Case {
    const char* text;
    DeadlineKind kind;
    int year, month, quarter;
  };
  const Case cases[] = {
      {"Hàng năm", DeadlineKind::Recurring, 0, 0, 0},
      {"Thường xuyên", DeadlineKind::Recurring, 0, 0, 0},
      {"Năm 2025", DeadlineKind::Exact, 2025, 0, 0},
      {"6/2025", DeadlineKind::Exact, 2025, 6, 0},
      {"3/2025", DeadlineKind::Exact, 2025, 3, 0},
      {"12/2025", DeadlineKind::Exact, 2025, 12, 0},
      {"Năm 2026", DeadlineKind::Exact, 2026, 0, 0},
      {"7/2025", DeadlineKind::Exact, 2025, 7, 0},
      {"5/2025", DeadlineKind::Exact, 2025, 5, 0},
      {"4/2025", DeadlineKind::Exact, 2025, 4, 0},
      {"5/2025 và thực hiện thường xuyên", DeadlineKind::Combined, 2025, 5, 0},
      {"Theo lộ trình của tỉnh", DeadlineKind::Conditional, 0, 0, 0},
      {"Sai khi tỉnh triển khai", DeadlineKind::Conditional, 0, 0, 0},
      {"Năm 2027", DeadlineKind::Exact, 2027, 0, 0},
      {"Thực hiện theo KH của tỉnh", DeadlineKind::Conditional, 0, 0, 0},
      {"Tháng 10/2025", DeadlineKind::Exact, 2025, 10, 0},
      {"Tháng 02 hàng năm", DeadlineKind::Recurring, 0, 0, 0},
      {"Theo hướng dẫn của TW, của tỉnh", DeadlineKind::Conditional, 0, 0, 0},
      {"Sau khi tỉnh triển khai", DeadlineKind::Conditional, 0, 0, 0},
      {"Sau khi tỉnh ban hành chính sách", DeadlineKind::Conditional, 0, 0, 0},
      {"Quý II/năm 2025", DeadlineKind::Exact, 2025, 0, 2},
      {"Khi có đề nghị", DeadlineKind::Conditional, 0, 0, 0},
      {"Sau khi có văn bản của tỉnh", DeadlineKind::Conditional, 0, 0, 0},
  };
  for (const auto& c : cases) {
    Deadline d = parseDeadline(c.text);
    EXPECT_EQ(d.kind, c.kind) << c.text;
    EXPECT_EQ(d.year, c.year) << c.text;
    EXPECT_EQ(d.month, c.month) << c.text;
    EXPECT_EQ(d.quarter, c.quarter) << c.text;
    EXPECT_EQ(d.text, c.text);
  }
}
