#pragma once
// `vnplan synth`: a deterministic synthetic country for scale tests and benchmarks — units
// named and coded like the communes of the 34 provinces after the 2025 reorganisation, each
// with a plan shaped like the seed plans and progress data for one period.
#include <string>

#include "model/progress.hpp"

namespace vnplan {

struct SynthOptions {
  long units = 50;
  unsigned long long seed = 1;
  ReportPeriod period{2026, ReportKind::HalfYear, 0};
  std::string outDir;
};

inline constexpr int kSynthProvinces = 34;

// Writes OUT/<pp>-<province>/<ccccc>-<commune>/{plan,indicators,tasks}.yaml and
// progress/<period>.yaml for each unit. The same options give the same bytes. Throws
// std::filesystem::filesystem_error when a file cannot be written. Returns the plan folders.
std::vector<std::string> writeSynthCountry(const SynthOptions& o);

}  // namespace vnplan
