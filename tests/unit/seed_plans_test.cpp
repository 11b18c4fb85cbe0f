// The three seed plans are the ground truth: they load without errors and keep the
// numbers of tasks and indicators the real plans have.
#include <gtest/gtest.h>

#include "load/plan_loader.hpp"

using namespace vnplan;

namespace {

Plan load(const std::string& id) {
  Diagnostics d;
  auto p = loadPlan(std::string(VNPLAN_INPUTS) + "/" + id, d);
  std::string all;
  for (const auto& x : d.items) all += formatDiagnostic(x, Lang::En) + "\n";
  EXPECT_TRUE(p.has_value()) << all;
  EXPECT_FALSE(d.hasErrors()) << all;
  return p.value_or(Plan{});
}

}  // namespace

TEST(SeedPlans, DinhHoa) {
  Plan p = load("dinh-hoa");
  EXPECT_EQ(p.document.family, Family::State);
  ASSERT_TRUE(p.tasks && p.indicators);
  EXPECT_EQ(p.tasks->rowCount(), 52u);
  EXPECT_EQ(p.tasks->groups.size(), 7u);
  EXPECT_EQ(p.indicators->rowCount(), 27u);
  EXPECT_EQ(p.recipients.size(), 9u);
  EXPECT_EQ(p.signature.name, "Nguyễn Minh Tú");
  EXPECT_EQ(p.body.size(), 3u);  // I., II., III.
}

TEST(SeedPlans, BinhGiang) {
  Plan p = load("binh-giang");
  ASSERT_TRUE(p.tasks && p.indicators);
  EXPECT_EQ(p.tasks->rowCount(), 52u);
  EXPECT_EQ(p.tasks->groups.size(), 10u);
  EXPECT_EQ(p.indicators->rowCount(), 35u);
  EXPECT_EQ(p.signature.name, "Trương Mạnh Long");
  EXPECT_EQ(p.body.size(), 5u);
  ASSERT_EQ(p.reporting.size(), 2u);  // before 10/6 and before 10/12
  EXPECT_EQ(p.reporting[0].day, 10);
  EXPECT_EQ(p.reporting[0].month, 6);
  EXPECT_EQ(p.reporting[1].month, 12);
}

TEST(SeedPlans, DangUyDinhHoa) {
  Plan p = load("dang-uy-dinh-hoa");
  EXPECT_EQ(p.document.family, Family::Party);
  EXPECT_EQ(p.document.number, "31");
  EXPECT_TRUE(p.signature.signedOff);
  EXPECT_FALSE(p.tasks);
  ASSERT_TRUE(p.indicators);
  EXPECT_EQ(p.indicators->rowCount(), 18u);
  EXPECT_EQ(p.indicators->groups.size(), 3u);
  EXPECT_EQ(p.indicators->groups[0].items[0].targets.size(), 5u);  // 2025 … 2045
  EXPECT_EQ(p.footnotes.size(), 1u);
  EXPECT_EQ(p.body.size(), 4u);
}
