// The sample progress files under inputs/ load cleanly against their plans.
#include <gtest/gtest.h>

#include <filesystem>

#include "compute/achievement.hpp"
#include "compute/task_status.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"

using namespace vnplan;

namespace {

std::string dump(const Diagnostics& d) {
  std::string all;
  for (const auto& x : d.items) all += formatDiagnostic(x, Lang::En) + "\n";
  return all;
}

}  // namespace

TEST(ProgressSamples, EverySampleLoadsWithoutDiagnostics) {
  const std::string inputs = VNPLAN_INPUTS;
  int files = 0;
  for (const char* id : {"dinh-hoa", "binh-giang", "dang-uy-dinh-hoa"}) {
    const std::string dir = inputs + "/" + id;
    Diagnostics pd;
    auto plan = loadPlan(dir, pd);
    ASSERT_TRUE(plan) << dump(pd);
    for (const auto& key : availableProgress(dir)) {
      SCOPED_TRACE(std::string(id) + "/" + key);
      Diagnostics d;
      auto rep = loadProgress(progressFile(dir, *parseReportPeriod(key)), *plan, d);
      ASSERT_TRUE(rep) << dump(d);
      EXPECT_TRUE(d.items.empty()) << dump(d);
      ++files;
      auto ts = computeTaskStatus(*plan, *rep);
      auto ach = computeAchievements(*plan, *rep);
      EXPECT_EQ(static_cast<size_t>(ts.total.total), plan->tasks ? plan->tasks->rowCount() : 0u);
      // Every indicator that sets a target is assessed; heading rows without one are not.
      size_t withTarget = 0;
      if (plan->indicators)
        for (const auto& g : plan->indicators->groups)
          for (const auto& ind : g.items) withTarget += !(ind.target.empty() && ind.targets.empty());
      EXPECT_EQ(static_cast<size_t>(ach.total.total), withTarget);
      EXPECT_EQ(ach.indicators.size(), plan->indicators ? plan->indicators->rowCount() : 0u);
    }
  }
  EXPECT_EQ(files, 6);
}
