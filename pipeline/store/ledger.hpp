#pragma once
// The submissions ledger (docs/collection.md): every workbook received by `vnplan ingest` —
// which plan, unit and period, when, its content hash, accepted or rejected and why.
// An abstract interface: the embedded default is SQLite (one file per data root); a province
// server adds another implementation (e.g. PostgreSQL through libpq) behind the same calls.
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vnplan {

struct SubmissionRecord {
  long id = 0;                // assigned by the ledger
  std::string planId;
  std::string period;         // "2026-H1"
  std::string unitKind;       // "plan", "agency", "unit"; empty when the file was not recognised
  std::string unitCode;
  std::string receivedAt;     // ISO 8601 UTC, "2026-06-08T09:30:00Z"
  std::string contentHash;    // sha256 of the file's bytes
  std::string fileName;       // as received
  std::string storedPath;     // the kept copy (relative to the data root)
  bool accepted = false;
  bool duplicate = false;     // the same bytes were accepted before: nothing changed
  std::vector<std::string> reasons;  // rejected: one message per problem (Vietnamese)
};

class SubmissionLedger {
 public:
  virtual ~SubmissionLedger() = default;
  // Adds a record; returns its id. Throws std::runtime_error on failure.
  virtual long record(const SubmissionRecord& r) = 0;
  // Every record of a plan and period, in the order received.
  virtual std::vector<SubmissionRecord> forPeriod(const std::string& planId, const std::string& period) = 0;
  // The accepted record of this unit and period with these bytes, if any.
  virtual std::optional<SubmissionRecord> findAccepted(const std::string& planId, const std::string& period,
                                                       const std::string& unitKind, const std::string& unitCode,
                                                       const std::string& contentHash) = 0;
};

// Opens (creating when missing) the SQLite ledger at `path`. Safe for several processes: each
// record is one transaction and SQLite waits up to 10 s for a concurrent writer.
std::unique_ptr<SubmissionLedger> openSqliteLedger(const std::string& path);

}  // namespace vnplan
