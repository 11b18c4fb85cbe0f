#pragma once
// Shared by the benchmarks: a seed plan loaded once, outside the timed loop.
#include <stdexcept>
#include <string>

#include "load/plan_loader.hpp"

namespace vnplan::bench {

inline Plan loadSeed(const std::string& name) {
  Diagnostics d;
  auto p = loadPlan(std::string(VNPLAN_INPUTS) + "/" + name, d);
  if (!p) throw std::runtime_error("cannot load " + name);
  return *p;
}

}  // namespace vnplan::bench
