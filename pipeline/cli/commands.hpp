#pragma once
#include <string>
#include <vector>

#include "model/diagnostic.hpp"

namespace vnplan {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitReportDue = 3;

struct CliOptions {
  Lang lang = Lang::Vi;
  std::string outDir = "outputs";
  std::string period;
  std::string today;
  int jobs = 0;  // 0: hardware concurrency
};

int runCommand(const std::string& command, const std::vector<std::string>& args, const CliOptions& opts);

}  // namespace vnplan
