#pragma once
// Indicator achievement: the value reached compared with the target, wherever the two are
// comparable. Numbers are only ever read from the texts, never estimated: when a target or a
// value cannot be read, the result is "chưa so sánh được" (not comparable).
// Pure functions; the summary points into the Plan and ProgressReport passed in.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"

namespace vnplan {

enum class Direction { AtLeast, Greater, AtMost, Less };
const char* directionSymbol(Direction d);  // "≥", ">", "≤", "<"

// A target as the plan writes it.
//  Number: "≥ 40", "≥3%", "100%", "100", "≥ 0,8" (decimal comma; "12.345" is twelve thousand),
//    "≤5", "01", "trên 40%", "không quá 5"; a bare number means "at least". A number followed
//    by words ("≥3% và tăng dần theo yêu cầu phát triển") or a sentence ending in an operator
//    and a number ("Tỷ lệ phủ sóng 5G đạt 62%") is read with partial = true: only the number
//    is compared.
//  Qualitative: any other text ("Đạt", "Có", "Liên thông", "Tiếp cận mức tiên tiến …",
//    "Đứng tốp giữa các huyện …").
//  None: empty, "-", "—", "…".
struct TargetForm {
  enum class Kind { None, Number, Qualitative };
  Kind kind = Kind::None;
  double value = 0;
  Direction direction = Direction::AtLeast;
  bool percent = false;
  bool partial = false;
};
TargetForm parseTarget(std::string_view text);

// A value reached as the report writes it.
//  Number: "85%", "0,82", "12.345", "01", "đạt 85%", ranks "3", "Thứ 3", "xếp thứ 3/9" (the
//    rank; "/9" only after thứ/hạng), optionally followed by a note in parentheses; a leading
//    "≥ 40" / "trên 40" / "≤ 5" is a bound (at least 40 …), not an exact value.
//  Verdict: "Đạt", "Chưa đạt", "Có", "Không", "Hoàn thành", "Liên thông", "Đảm bảo" and their
//    negations ("chưa …", "không …"); the first clause counts ("Đạt, xếp thứ 3/9" is Đạt).
//  Empty: no value ("", "-", "—", "…"). Text: anything else.
struct ValueForm {
  enum class Kind { Empty, Number, Verdict, Text };
  Kind kind = Kind::Empty;
  double value = 0;
  bool percent = false;
  std::optional<Direction> bound;  // set when the value is a bound, not an exact figure
  bool verdict = false;            // Verdict: true = achieved
};
ValueForm parseValue(std::string_view text);

enum class AchievementKind {
  Numeric,        // both numbers: met by the target's direction, ratio for "at least" targets
  YesNo,          // a verdict value, or a qualitative target with the same text as the value
  NotComparable,  // chưa so sánh được
  NoData,         // no value reached
  NoTarget,       // the indicator sets no target: a heading over numbered sub-indicators;
                  // listed, never counted
};
const char* achievementKindKey(AchievementKind k);  // "numeric", "yes-no", "not-comparable", "no-data", "no-target"

struct Achievement {
  AchievementKind kind = AchievementKind::NoData;
  std::string target;     // the target text compared with
  int milestoneYear = 0;  // the milestone it came from (Indicator::targets), 0: the single target
  std::string value;      // the value reached, as written
  // Numeric only: the numbers as written (a "%" is not applied: "85%" → 85, as is "85"), and
  // whether each side carried a "%". The ratio compares these numbers directly.
  std::optional<double> targetNumber, valueNumber;
  bool targetPercent = false, valuePercent = false;
  Direction direction = Direction::AtLeast;  // Numeric only: the target's direction
  std::optional<bool> met;                   // Numeric and YesNo
  // Numeric with an exact value and an "at least"/"greater" target > 0: value / target
  // (1.0 = 100 %). Not given for "at most" targets (ranks, ceilings) nor for bound values.
  std::optional<double> ratio;
  bool partial = false;  // the target has words beyond the compared number
};

// Compares one value with one target text.
Achievement compareAchievement(std::string_view target, std::string_view value);
// "Đạt" / "Chưa đạt" / "Chưa so sánh được" / "Chưa có số liệu" (English: "Achieved",
// "Not achieved", "Not comparable", "No data").
std::string achievementLabel(const Achievement& a, Lang lang);

// The target an indicator sets for a period: with milestone targets (Indicator::targets), the
// first milestone year ≥ the period's year (none after the last milestone: empty text, year 0);
// otherwise Indicator::target.
struct PeriodTarget {
  std::string text;
  int milestoneYear = 0;
};
PeriodTarget targetForPeriod(const Indicator& ind, const ReportPeriod& period);

struct IndicatorEvaluation {
  const Indicator* indicator = nullptr;
  size_t group = 0;                             // index into plan.indicators->groups
  const IndicatorProgress* progress = nullptr;  // nullptr: no entry
  CalendarDate asOf;                            // the entry's as_of, else the report's
  Achievement achievement;
};

struct AchievementCounts {
  int met = 0, notMet = 0, notComparable = 0, noData = 0, total = 0;
  void add(const Achievement& a);
  double share(int n) const { return total ? 100.0 * n / total : 0.0; }  // percent, unrounded
};

struct IndicatorGroupSummary {
  size_t group = 0;
  std::string number;
  std::string title;
  AchievementCounts counts;
};

struct IndicatorSummary {
  ReportPeriod period;
  std::vector<IndicatorEvaluation> indicators;  // every indicator, plan order
  std::vector<IndicatorGroupSummary> groups;    // plan order
  AchievementCounts total;
};

IndicatorSummary computeAchievements(const Plan& plan, const ProgressReport& report);

}  // namespace vnplan
