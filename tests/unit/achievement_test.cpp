#include "compute/achievement.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace vnplan;

namespace {

void expectNumeric(const char* target, const char* value, bool met, std::optional<double> ratio,
                   Direction dir = Direction::AtLeast) {
  SCOPED_TRACE(std::string(target) + " / " + value);
  Achievement a = compareAchievement(target, value);
  ASSERT_EQ(a.kind, AchievementKind::Numeric);
  EXPECT_EQ(a.met, met);
  EXPECT_EQ(a.direction, dir);
  ASSERT_EQ(a.ratio.has_value(), ratio.has_value());
  if (ratio) {
    EXPECT_NEAR(*a.ratio, *ratio, 1e-12);
  }
}

}  // namespace

TEST(Achievement, AtLeastWithSpace) {
  expectNumeric("≥ 40", "45", true, 45.0 / 40);
  expectNumeric("≥ 40", "25%", false, 25.0 / 40);
  expectNumeric("≥ 40", "40", true, 1.0);  // equal meets "at least"
}

TEST(Achievement, AtLeastPercentWithoutSpace) {
  expectNumeric("≥3%", "3,5%", true, 3.5 / 3);
  expectNumeric(">=3%", "2%", false, 2.0 / 3);
}

TEST(Achievement, BarePercentIsAtLeast) {
  expectNumeric("100%", "100%", true, 1.0);
  expectNumeric("100%", "86,5%", false, 0.865);
  expectNumeric("100", "97,3%", false, 0.973);  // "%" on one side only
}

TEST(Achievement, DecimalComma) {
  expectNumeric("≥ 0,8", "0,82", true, 0.82 / 0.8);
  expectNumeric("≥ 0,8", "0,76", false, 0.76 / 0.8);
  expectNumeric("≥ 0,8", "0.76", false, 0.76 / 0.8);  // a lone dot is a decimal point
  // Dots in groups of three are thousands separators.
  expectNumeric("10.000", "12.345", true, 1.2345);
  expectNumeric("1.000,5", "2.001", true, 2001 / 1000.5);
}

TEST(Achievement, AtMostHasNoRatio) {
  expectNumeric("≤5", "4", true, std::nullopt, Direction::AtMost);
  expectNumeric("≤5", "5", true, std::nullopt, Direction::AtMost);
  expectNumeric("≤5", "6", false, std::nullopt, Direction::AtMost);
  expectNumeric("không quá 5%", "4,5%", true, std::nullopt, Direction::AtMost);
}

TEST(Achievement, LeadingZero) {
  expectNumeric("01", "1", true, 1.0);
  expectNumeric("01", "0,6", false, 0.6);
  expectNumeric("≥ 2", "01", false, 0.5);
}

TEST(Achievement, RanksAreRead) {
  // Rank targets "≤5" (unit "Thứ bậc"): the value may say "thứ 3", "xếp thứ 3/12", "hạng 4".
  expectNumeric("≤5", "Thứ 4", true, std::nullopt, Direction::AtMost);
  expectNumeric("≤5", "Xếp thứ 3/12", true, std::nullopt, Direction::AtMost);
  expectNumeric("≤ 5", "hạng 7", false, std::nullopt, Direction::AtMost);
  // "3/12" without a rank word is not read as a number.
  EXPECT_EQ(compareAchievement("≤5", "3/12").kind, AchievementKind::NotComparable);
  // A qualitative rank target is not compared with a rank number.
  Achievement a = compareAchievement("Đứng tốp giữa các huyện, thị xã, thành phố của tỉnh", "Xếp thứ 5/12");
  EXPECT_EQ(a.kind, AchievementKind::NotComparable);
  EXPECT_FALSE(a.met);
  EXPECT_FALSE(a.ratio);
  EXPECT_EQ(achievementLabel(a, Lang::Vi), "Chưa so sánh được");
}

TEST(Achievement, QualitativeTargets) {
  Achievement a = compareAchievement("Đạt", "Đạt");
  EXPECT_EQ(a.kind, AchievementKind::YesNo);
  EXPECT_EQ(a.met, true);
  EXPECT_FALSE(a.ratio);
  EXPECT_EQ(achievementLabel(a, Lang::Vi), "Đạt");
  a = compareAchievement("Đạt", "Chưa đạt");
  EXPECT_EQ(a.kind, AchievementKind::YesNo);
  EXPECT_EQ(a.met, false);
  EXPECT_EQ(achievementLabel(a, Lang::En), "Not achieved");
  EXPECT_EQ(compareAchievement("Liên thông", "Liên thông").met, true);
  EXPECT_EQ(compareAchievement("Liên thông", "Chưa liên thông").met, false);
  EXPECT_EQ(compareAchievement("Có", "Không").met, false);
  a = compareAchievement("Tiếp cận mức tiên tiến ở nhiều lĩnh vực quan trọng", "Đạt, ở 3 lĩnh vực");
  EXPECT_EQ(a.kind, AchievementKind::YesNo);
  EXPECT_EQ(a.met, true);
  // The same words as the target count as achieved; other words are not comparable.
  EXPECT_EQ(compareAchievement("Tiếp cận mức tiên tiến", "tiếp cận mức tiên tiến.").met, true);
  a = compareAchievement("Tiếp cận mức tiên tiến", "Tiếp cận ở một số lĩnh vực");
  EXPECT_EQ(a.kind, AchievementKind::NotComparable);
  // A number against a qualitative target is not comparable: no made-up ratio.
  a = compareAchievement("Tiếp cận mức tiên tiến", "75%");
  EXPECT_EQ(a.kind, AchievementKind::NotComparable);
  EXPECT_FALSE(a.ratio);
}

TEST(Achievement, VerdictAgainstANumericTarget) {
  Achievement a = compareAchievement("100%", "Đạt");
  EXPECT_EQ(a.kind, AchievementKind::YesNo);
  EXPECT_EQ(a.met, true);
  EXPECT_FALSE(a.ratio);
}

TEST(Achievement, PartialTargets) {
  Achievement a = compareAchievement("≥3% và tăng dần theo yêu cầu phát triển", "3,4%");
  EXPECT_EQ(a.kind, AchievementKind::Numeric);
  EXPECT_TRUE(a.partial);
  EXPECT_EQ(a.met, true);
  a = compareAchievement("Tỷ lệ phủ sóng 5G đạt 62%.", "64%");
  EXPECT_EQ(a.kind, AchievementKind::Numeric);
  EXPECT_TRUE(a.partial);
  EXPECT_EQ(a.targetNumber, 62.0);
  EXPECT_TRUE(a.targetPercent);
  EXPECT_TRUE(a.valuePercent);
  EXPECT_NEAR(*a.ratio, 64.0 / 62, 1e-12);
  // "5G" is not the number 5.
  EXPECT_EQ(parseTarget("5G phủ sóng toàn huyện").kind, TargetForm::Kind::Qualitative);
  EXPECT_EQ(parseTarget("Tỉ lệ doanh nghiệp đạt trên 40% trong tổng số").kind, TargetForm::Kind::Qualitative);
}

TEST(Achievement, BoundValues) {
  // "≥ 30%" reached against "≥ 30": achieved, but there is no exact figure for a ratio.
  Achievement a = compareAchievement("≥ 30", "≥ 30%");
  EXPECT_EQ(a.kind, AchievementKind::Numeric);
  EXPECT_EQ(a.met, true);
  EXPECT_FALSE(a.ratio);
  // A bound below the target decides nothing.
  EXPECT_EQ(compareAchievement("≥ 40", "≥ 30").kind, AchievementKind::NotComparable);
  EXPECT_EQ(compareAchievement("≤ 5", "≥ 3").kind, AchievementKind::NotComparable);
  EXPECT_EQ(compareAchievement("≤ 5", "≤ 3").met, true);
}

TEST(Achievement, NoDataAndNoTarget) {
  EXPECT_EQ(compareAchievement("≥ 40", "").kind, AchievementKind::NoData);
  EXPECT_EQ(compareAchievement("≥ 40", "-").kind, AchievementKind::NoData);
  EXPECT_EQ(achievementLabel(compareAchievement("≥ 40", ""), Lang::Vi), "Chưa có số liệu");
  EXPECT_EQ(compareAchievement("-", "35%").kind, AchievementKind::NotComparable);
  EXPECT_EQ(compareAchievement("", "35%").kind, AchievementKind::NotComparable);
  EXPECT_EQ(compareAchievement("≥ 40", "Đang triển khai").kind, AchievementKind::NotComparable);
  EXPECT_EQ(compareAchievement("≥ 40", "85% (ước đạt)").kind, AchievementKind::Numeric);
  EXPECT_EQ(compareAchievement("≥ 40", "85% ước đạt").kind, AchievementKind::NotComparable);
}

TEST(Achievement, ParseForms) {
  TargetForm t = parseTarget("≥ 40");
  EXPECT_EQ(t.kind, TargetForm::Kind::Number);
  EXPECT_EQ(t.value, 40);
  EXPECT_FALSE(t.percent);
  t = parseTarget("≥3%");
  EXPECT_TRUE(t.percent);
  EXPECT_EQ(t.value, 3);
  EXPECT_EQ(parseTarget("trên 40%").direction, Direction::Greater);
  EXPECT_EQ(parseTarget("dưới 5").direction, Direction::Less);
  EXPECT_EQ(parseTarget("—").kind, TargetForm::Kind::None);
  EXPECT_EQ(parseTarget("Đạt").kind, TargetForm::Kind::Qualitative);
  ValueForm v = parseValue("85%");
  EXPECT_EQ(v.kind, ValueForm::Kind::Number);
  EXPECT_TRUE(v.percent);
  EXPECT_FALSE(v.bound);
  v = parseValue("≥ 40");
  EXPECT_EQ(v.bound, Direction::AtLeast);
  v = parseValue("đạt 85%");
  EXPECT_EQ(v.kind, ValueForm::Kind::Number);
  EXPECT_FALSE(v.bound);
  EXPECT_EQ(parseValue("Chưa đạt").kind, ValueForm::Kind::Verdict);
  EXPECT_FALSE(parseValue("Chưa đạt").verdict);
  EXPECT_EQ(parseValue("Chưa có số liệu").kind, ValueForm::Kind::Text);  // not a "no"
  EXPECT_EQ(parseValue("1,2,3").kind, ValueForm::Kind::Text);
  EXPECT_STREQ(directionSymbol(Direction::AtMost), "≤");
}

TEST(Achievement, MilestoneTargetForThePeriod) {
  Indicator ind;
  ind.targets = {{2025, "≥ 30%"}, {2030, "≥ 70%"}, {2045, "≥ 95%"}};
  auto t = targetForPeriod(ind, ReportPeriod{2025, ReportKind::Annual, 0});
  EXPECT_EQ(t.text, "≥ 30%");
  EXPECT_EQ(t.milestoneYear, 2025);
  t = targetForPeriod(ind, ReportPeriod{2026, ReportKind::HalfYear, 0});
  EXPECT_EQ(t.text, "≥ 70%");
  EXPECT_EQ(t.milestoneYear, 2030);
  t = targetForPeriod(ind, ReportPeriod{2031, ReportKind::Annual, 0});
  EXPECT_EQ(t.milestoneYear, 2045);
  t = targetForPeriod(ind, ReportPeriod{2046, ReportKind::Annual, 0});
  EXPECT_EQ(t.text, "");  // after the last milestone: no target
  Indicator single;
  single.target = "Đạt";
  EXPECT_EQ(targetForPeriod(single, ReportPeriod{2026, ReportKind::HalfYear, 0}).text, "Đạt");
  EXPECT_EQ(targetForPeriod(single, ReportPeriod{2026, ReportKind::HalfYear, 0}).milestoneYear, 0);
}

TEST(Achievement, SummaryPerGroup) {
  Plan plan;
  plan.indicators.emplace();
  Indicator a, b, c, m;
  a.number = "1";
  a.target = "≥ 40";
  b.number = "2";
  b.target = "Đạt";
  c.number = "3";
  c.target = "Tiếp cận mức tiên tiến";
  m.number = "4";
  m.targets = {{2025, "≥ 30%"}, {2030, "≥ 70%"}};
  plan.indicators->groups.push_back({"I", "Đến năm 2030", {a, b}});
  plan.indicators->groups.push_back({"II", "Đến năm 2045", {c, m}});
  ProgressReport rep;
  rep.period = ReportPeriod{2026, ReportKind::HalfYear, 0};
  rep.asOf = CalendarDate{2026, 6, 5};
  IndicatorProgress p1{"1", "45%", std::nullopt, "", {}};
  IndicatorProgress p2{"2", "Chưa đạt", std::nullopt, "", {}};
  IndicatorProgress p4{"4", "41%", CalendarDate{2026, 5, 31}, "", {}};
  rep.indicators = {p1, p2, p4};
  auto s = computeAchievements(plan, rep);
  ASSERT_EQ(s.indicators.size(), 4u);
  EXPECT_EQ(s.indicators[0].achievement.met, true);
  EXPECT_EQ(s.indicators[1].achievement.met, false);
  EXPECT_EQ(s.indicators[2].achievement.kind, AchievementKind::NoData);
  EXPECT_EQ(s.indicators[2].asOf, (CalendarDate{2026, 6, 5}));
  EXPECT_EQ(s.indicators[3].achievement.milestoneYear, 2030);
  EXPECT_EQ(s.indicators[3].achievement.target, "≥ 70%");
  EXPECT_EQ(s.indicators[3].achievement.met, false);
  EXPECT_EQ(s.indicators[3].asOf, (CalendarDate{2026, 5, 31}));
  EXPECT_EQ(s.total.total, 4);
  EXPECT_EQ(s.total.met, 1);
  EXPECT_EQ(s.total.notMet, 2);
  EXPECT_EQ(s.total.noData, 1);
  EXPECT_DOUBLE_EQ(s.total.share(s.total.met), 25.0);
  ASSERT_EQ(s.groups.size(), 2u);
  EXPECT_EQ(s.groups[0].counts.total, 2);
  EXPECT_EQ(s.groups[1].counts.notMet, 1);
}

TEST(Achievement, OddTextNeverInventsANumber) {
  const char* odd[] = {
      "≥",
      "≥ ",
      "%",
      ",",
      ".",
      "..",
      "1,2,3",
      "1..2",
      "≥≥ 5",
      "trên",
      "đạt",
      "thứ",
      "thứ /9",
      "xếp thứ 3/",
      "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
      "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
      "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
      "9999999999999999999999999999999999",
      "\xC2\xA0"
      "40\xC2\xA0%",
      "(",
      ")",
      "5G"};
  for (const char* s : odd) {
    SCOPED_TRACE(s);
    Achievement a = compareAchievement(s, s);
    if (a.kind == AchievementKind::Numeric) {
      ASSERT_TRUE(a.targetNumber && a.valueNumber);
      EXPECT_TRUE(std::isfinite(*a.targetNumber));
      EXPECT_TRUE(std::isfinite(*a.valueNumber));
    }
    EXPECT_EQ(compareAchievement("≥ 40", s).kind == AchievementKind::Numeric,
              parseValue(s).kind == ValueForm::Kind::Number && !parseValue(s).bound);
  }
  EXPECT_EQ(compareAchievement("≥ 40",
                               "\xC2\xA0"
                               "45\xC2\xA0%")
                .ratio,
            45.0 / 40);  // no-break spaces
}

TEST(ComputeAchievements, RowsWithoutAnyTargetAreListedButNotCounted) {
  Plan plan;
  plan.indicators = Appendix<Indicator>{};
  Group<Indicator> g;
  g.number = "I";
  Indicator heading;
  heading.number = "6";
  heading.name = "Chỉ tiêu về thủ tục hành chính";
  Indicator sub;
  sub.number = "6.1";
  sub.name = "Tỷ lệ hồ sơ trực tuyến";
  sub.target = "≥ 80%";
  g.items = {heading, sub};
  plan.indicators->groups.push_back(g);
  ProgressReport rep;
  rep.period = ReportPeriod{2026, ReportKind::HalfYear, 0};
  IndicatorProgress v;
  v.number = "6.1";
  v.value = "85%";
  rep.indicators.push_back(v);
  IndicatorSummary s = computeAchievements(plan, rep);
  ASSERT_EQ(s.indicators.size(), 2u);
  EXPECT_EQ(s.indicators[0].achievement.kind, AchievementKind::NoTarget);
  EXPECT_EQ(achievementLabel(s.indicators[0].achievement, Lang::Vi), "Không đặt chỉ tiêu");
  EXPECT_EQ(s.total.total, 1);
  EXPECT_EQ(s.total.met, 1);
  EXPECT_EQ(s.total.noData, 0);
}
