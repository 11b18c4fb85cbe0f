#pragma once
// Ingesting returned collection workbooks into a plan's progress data (docs/collection.md,
// "Ingest"): `vnplan ingest` for the files it is given, `vnplan run` for the plan's inbox.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/progress.hpp"

namespace vnplan {

struct IngestOptions {
  std::optional<ReportPeriod> expected;  // --period: a form of another period is rejected
  std::string unitsFile;                 // --units; empty: findUnitsFile
  std::string today;                     // the day recorded as received (a valid date); empty: now (UTC)
  std::string outDir = "outputs";        // feedback workbooks: OUT_DIR/<plan>/phan-hoi-<P>/
  Lang lang = Lang::Vi;
  // `run`'s inbox: every file is recorded under the inbox's period (`expected`), also one not
  // recognised or of another period, so that the next run finds its hash and skips it.
  bool recordUnderExpected = false;
};

struct IngestResult {
  bool loaded = false;  // plan, units and ledger could be opened (else nothing was read)
  int accepted = 0, unchanged = 0, rejected = 0;
};

// Reads each file, checks it, merges it or writes its feedback workbook, records it in
// PLAN_DIR/submissions/ledger.sqlite. Lines for accepted or unchanged files go to `out`;
// located problems and rejections to `err` (the same lines as `vnplan ingest`).
IngestResult ingestFiles(const std::string& planDir, const std::vector<std::string>& files, const IngestOptions& o,
                         std::ostream& out, std::ostream& err);

// PLAN_DIR/submissions/ledger.sqlite
std::string ledgerPath(const std::string& planDir);
// The bytes of a received file, read up to one byte past the reader's size limit: a bigger
// file is refused by the reader for its size without being read whole (an inbox is outside
// input). Empty when it cannot be opened.
std::string readSubmissionBytes(const std::string& path);

}  // namespace vnplan
