#pragma once
// `vnplan run`: every plan under a root, its plan PDF + appendix workbook and the period's
// report PDF + workbook, in one process, in parallel, skipping outputs whose inputs have not
// changed since they were built.
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/progress.hpp"

namespace vnplan {

struct RunOptions {
  std::string root;
  ReportPeriod period;
  std::string outDir = "outputs";
  int jobs = 0;  // 0: hardware concurrency
  unsigned shardIndex = 0, shardCount = 1;  // --shard I/N, I in 0…N-1
  Lang lang = Lang::Vi;
  bool progressBar = false;  // redraw one line on a terminal; otherwise a log line per plan
};

struct PlanFailure {
  std::string id;
  std::string dir;
  std::string messages;  // located messages, one per line
};

struct RunSummary {
  size_t plans = 0;      // plans of this shard
  size_t built = 0;      // plans with at least one output built
  size_t unchanged = 0;  // plans whose every output was already up to date
  size_t failed = 0;
  size_t filesWritten = 0;
  bool lockBusy = false;  // the run did not start: another run holds OUT_DIR
  double seconds = 0;
  std::vector<PlanFailure> failures;
  std::vector<std::string> missingProgress;  // plans without progress data for the period
};

// Directories under `root` holding a plan.yaml (not looking inside a plan or hidden folders),
// sorted; `root` itself when it is a plan.
std::vector<std::string> findPlanDirs(const std::string& root);

// Whether a plan belongs to shard I of N: a stable hash of its id, the same on every machine.
bool inShard(const std::string& planId, unsigned index, unsigned count);

// The plan id of a plan directory (its folder name), as the loader names it.
std::string planIdOf(const std::string& dir);

// Runs the whole batch under an exclusive lock on OUT_DIR. Returns false (with a message in
// `log`) only when the run could not start (lock held, OUT_DIR not writable); plan failures
// are in the summary. Writes the summary as JSON to OUT_DIR (summaryJsonPath).
bool runPlans(const RunOptions& o, RunSummary& summary, std::ostream& log);

std::string summaryJsonPath(const RunOptions& o);
std::string summaryJson(const RunOptions& o, const RunSummary& s);

}  // namespace vnplan
