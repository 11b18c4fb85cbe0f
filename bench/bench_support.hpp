#pragma once
// Shared by the benchmarks: a seed plan loaded once, outside the timed loop; the thread's CPU
// time; and each document's floor (zlib level 6 over the document's own uncompressed bytes).
#include <zlib.h>

#include <algorithm>
#include <ctime>
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

inline double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Best of 5: CPU time of zlib level 6 over `raw`.
inline double floorMs(const std::string& raw) {
  std::string out(compressBound(static_cast<uLong>(raw.size())), '\0');
  double best = 1e9;
  for (int i = 0; i < 5; ++i) {
    uLongf len = static_cast<uLongf>(out.size());
    const double t0 = threadCpuMs();
    compress2(reinterpret_cast<Bytef*>(out.data()), &len, reinterpret_cast<const Bytef*>(raw.data()),
              static_cast<uLong>(raw.size()), 6);
    best = std::min(best, threadCpuMs() - t0);
  }
  return best;
}

}  // namespace vnplan::bench
