#pragma once
#include <functional>
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
  int withinDays = 30;  // due: how far ahead a deadline counts as coming
  std::string issuer;   // new: the issuing body, "UBND xã Tân Lập"
  std::string family = "state";  // new: state | party
};

void printDiagnostics(const Diagnostics& d, Lang lang);
int usageError(const std::string& what, Lang lang);

// One function per command, each in its own file.
int cmdValidate(const std::vector<std::string>& dirs, const CliOptions& o);
int cmdBuild(const std::vector<std::string>& dirs, const CliOptions& o);
int cmdDue(const std::vector<std::string>& args, const CliOptions& o);
int cmdReport(const std::vector<std::string>& args, const CliOptions& o);
int cmdNew(const std::vector<std::string>& args, const CliOptions& o);

// Runs fn(i) for i in [0, n) on up to `jobs` threads (0: hardware concurrency). Each plan
// is independent, so one failing plan never stops the others.
void forEachParallel(size_t n, int jobs, const std::function<void(size_t)>& fn);

int runCommand(const std::string& command, const std::vector<std::string>& args, const CliOptions& opts);

}  // namespace vnplan
