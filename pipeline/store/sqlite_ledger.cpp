#include <sqlite3.h>

#include <stdexcept>

#include "store/ledger.hpp"

namespace vnplan {

namespace {

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS submissions (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id      TEXT NOT NULL,
  period       TEXT NOT NULL,
  unit_kind    TEXT NOT NULL,
  unit_code    TEXT NOT NULL,
  received_at  TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  file_name    TEXT NOT NULL,
  stored_path  TEXT NOT NULL,
  accepted     INTEGER NOT NULL,
  duplicate    INTEGER NOT NULL DEFAULT 0,
  reasons      TEXT NOT NULL  -- one reason per line
);
CREATE INDEX IF NOT EXISTS submissions_period ON submissions (plan_id, period, unit_kind, unit_code);
CREATE INDEX IF NOT EXISTS submissions_hash ON submissions (content_hash);
)SQL";

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("ledger: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(st_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  void bind(int i, const std::string& s) { sqlite3_bind_text(st_, i, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT); }
  void bind(int i, long v) { sqlite3_bind_int64(st_, i, v); }
  bool step() {
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error(std::string("ledger: ") + sqlite3_errmsg(db_));
  }
  std::string text(int c) {
    const unsigned char* t = sqlite3_column_text(st_, c);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  long integer(int c) { return static_cast<long>(sqlite3_column_int64(st_, c)); }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

std::string joinLines(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : "\n") + x;
  return s;
}

std::vector<std::string> splitLines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

constexpr const char* kColumns =
    "id, plan_id, period, unit_kind, unit_code, received_at, content_hash, file_name, stored_path, accepted, duplicate, "
    "reasons";

SubmissionRecord readRecord(Statement& s) {
  SubmissionRecord r;
  r.id = s.integer(0);
  r.planId = s.text(1);
  r.period = s.text(2);
  r.unitKind = s.text(3);
  r.unitCode = s.text(4);
  r.receivedAt = s.text(5);
  r.contentHash = s.text(6);
  r.fileName = s.text(7);
  r.storedPath = s.text(8);
  r.accepted = s.integer(9) != 0;
  r.duplicate = s.integer(10) != 0;
  r.reasons = splitLines(s.text(11));
  return r;
}

class SqliteLedger : public SubmissionLedger {
 public:
  explicit SqliteLedger(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error("ledger " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 10000);
    // Write-ahead log: a commit appends to the log instead of rewriting pages, with one sync
    // per checkpoint rather than per record (durable across a crash of the process; a power
    // loss may lose the last records, never corrupt the file).
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    exec(kSchema);
  }
  ~SqliteLedger() override { sqlite3_close(db_); }

  long record(const SubmissionRecord& r) override {
    Statement s(db_,
                "INSERT INTO submissions (plan_id, period, unit_kind, unit_code, received_at, content_hash, file_name, "
                "stored_path, accepted, duplicate, reasons) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, r.planId);
    s.bind(2, r.period);
    s.bind(3, r.unitKind);
    s.bind(4, r.unitCode);
    s.bind(5, r.receivedAt);
    s.bind(6, r.contentHash);
    s.bind(7, r.fileName);
    s.bind(8, r.storedPath);
    s.bind(9, static_cast<long>(r.accepted));
    s.bind(10, static_cast<long>(r.duplicate));
    s.bind(11, joinLines(r.reasons));
    s.step();
    return static_cast<long>(sqlite3_last_insert_rowid(db_));
  }

  std::vector<SubmissionRecord> forPeriod(const std::string& planId, const std::string& period) override {
    Statement s(db_, (std::string("SELECT ") + kColumns +
                      " FROM submissions WHERE plan_id = ? AND period = ? ORDER BY received_at, id")
                         .c_str());
    s.bind(1, planId);
    s.bind(2, period);
    std::vector<SubmissionRecord> out;
    while (s.step()) out.push_back(readRecord(s));
    return out;
  }

  std::optional<SubmissionRecord> findAccepted(const std::string& planId, const std::string& period,
                                               const std::string& unitKind, const std::string& unitCode,
                                               const std::string& contentHash) override {
    Statement s(db_, (std::string("SELECT ") + kColumns +
                      " FROM submissions WHERE plan_id = ? AND period = ? AND unit_kind = ? AND unit_code = ? AND "
                      "content_hash = ? AND accepted = 1 AND duplicate = 0 ORDER BY id LIMIT 1")
                         .c_str());
    s.bind(1, planId);
    s.bind(2, period);
    s.bind(3, unitKind);
    s.bind(4, unitCode);
    s.bind(5, contentHash);
    if (s.step()) return readRecord(s);
    return std::nullopt;
  }

 private:
  sqlite3* db_ = nullptr;

  void exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "?";
      sqlite3_free(err);
      throw std::runtime_error("ledger: " + msg);
    }
  }
};

}  // namespace

std::unique_ptr<SubmissionLedger> openSqliteLedger(const std::string& path) { return std::make_unique<SqliteLedger>(path); }

}  // namespace vnplan
