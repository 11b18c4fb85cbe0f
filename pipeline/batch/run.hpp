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
  std::string today;         // --today: the day recorded as received for ingested files; empty: now
};

struct PlanFailure {
  std::string id;
  std::string dir;
  std::string messages;  // located messages, one per line
};

// The collection part of a run (docs/scaling.md, "Collection").
struct SubmissionCounts {
  size_t ingested = 0;  // inbox files read this run (accepted + rejected)
  size_t accepted = 0;  // merged into the progress data (or the same bytes as an accepted file)
  size_t rejected = 0;  // with a feedback workbook when the form was recognised
  size_t skipped = 0;   // already in the ledger for the plan and period: not read again
};
struct ConsolidationCounts {
  size_t built = 0, unchanged = 0, failed = 0;
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
  SubmissionCounts submissions;
  ConsolidationCounts consolidations;
};

// Directories under `root` holding a plan.yaml (not looking inside a plan or hidden folders),
// sorted; `root` itself when it is a plan.
std::vector<std::string> findPlanDirs(const std::string& root);

// Whether a plan belongs to shard I of N: a stable hash of its id, the same on every machine.
bool inShard(const std::string& planId, unsigned index, unsigned count);

// The plan id of a plan directory (its folder name), as the loader names it.
std::string planIdOf(const std::string& dir);

// Runs the whole batch under an exclusive lock on OUT_DIR: ingests the files waiting in each
// plan's inbox (PLAN_DIR/inbox/<P>/), builds the plans and reports, then consolidates every
// plan that has a units.yaml. Returns false (with a message in `log`) only when the run could
// not start (lock held, OUT_DIR not writable); plan failures (a rejected submission and a
// failed consolidation too) are in the summary. Writes the summary as JSON to OUT_DIR
// (summaryJsonPath).
bool runPlans(const RunOptions& o, RunSummary& summary, std::ostream& log);

std::string summaryJsonPath(const RunOptions& o);
std::string summaryJson(const RunOptions& o, const RunSummary& s);

}  // namespace vnplan
