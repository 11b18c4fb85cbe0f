// libFuzzer target: plan.yaml through the plan loader (every problem must become a
// diagnostic; no crash, hang, or unbounded memory).
#include <cstdint>

#include "fuzz_support.hpp"
#include "load/plan_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string file = vnplan::fuzz::writeInput("plan/plan.yaml", data, size);
  vnplan::Diagnostics d;
  auto plan = vnplan::loadPlan(std::filesystem::path(file).parent_path().string(), d);
  for (const auto& x : d.items) (void)vnplan::formatDiagnostic(x, vnplan::Lang::Vi);
  return 0;
}
