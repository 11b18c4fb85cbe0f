#pragma once
// A task deadline as the plan writes it, plus what vnplan understood of it.
#include <optional>
#include <string>

namespace vnplan {

struct CalendarDate {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const CalendarDate&) const = default;
};

bool isValidDate(int year, int month, int day);
int daysInMonth(int year, int month);
// Days since 1970-01-01 (proleptic Gregorian); used for day differences.
long daysFromCivil(const CalendarDate& d);
CalendarDate civilFromDays(long days);

enum class DeadlineKind {
  Exact,        // a point in time: a day, month, quarter or year
  Recurring,    // every year / continuous
  Conditional,  // after an external event
  Combined,     // an exact first step, then recurring
  Unknown,      // not understood: kept as text, reported as a warning
};

enum class Granularity { None, Day, Month, Quarter, Year };
enum class Recurrence { None, Yearly, Continuous };

struct Deadline {
  std::string text;  // as written, for display
  DeadlineKind kind = DeadlineKind::Unknown;
  Granularity granularity = Granularity::None;
  int year = 0, quarter = 0, month = 0, day = 0;  // for Exact/Combined
  Recurrence recurrence = Recurrence::None;        // for Recurring/Combined
  int recurringMonth = 0;                          // "Tháng 02 hàng năm"
  std::string condition;                           // for Conditional
  bool impossible = false;                         // 31/02/2025, 13/2025

  // Last day on which the (first) exact step is still on time.
  std::optional<CalendarDate> lastDay() const;
};

// Parses a Vietnamese deadline expression. Never throws; an expression it does not
// understand comes back with kind Unknown.
Deadline parseDeadline(const std::string& text);

const char* deadlineKindKey(DeadlineKind k);  // "exact", "recurring", ...

}  // namespace vnplan
