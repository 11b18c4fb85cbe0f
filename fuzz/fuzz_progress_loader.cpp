// libFuzzer target: a progress file (PLAN_DIR/progress/2026-H1.yaml) against the test plan
// of tests/data/progress/plan.
#include <cstdint>

#include "fuzz_support.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const vnplan::Plan plan = [] {
    vnplan::Diagnostics d;
    auto p = vnplan::loadPlan(std::string(VNPLAN_SOURCE_DIR) + "/tests/data/progress/plan", d);
    if (!p) std::abort();
    return *p;
  }();
  // Alternate between a half-year and an annual file name (the name must match `period`).
  const char* name = size % 2 ? "plan/progress/2026-H1.yaml" : "plan/progress/2025.yaml";
  const std::string file = vnplan::fuzz::writeInput(name, data, size);
  vnplan::Diagnostics d;
  auto rep = vnplan::loadProgress(file, plan, d);
  for (const auto& x : d.items) (void)vnplan::formatDiagnostic(x, vnplan::Lang::En);
  return 0;
}
