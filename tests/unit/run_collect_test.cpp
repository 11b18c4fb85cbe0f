// The collection part of `vnplan run` (issue 14): which inbox files are read, and what the
// consolidation's input hash is made of.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "batch/collection_files.hpp"
#include "batch/consolidate.hpp"
#include "batch/ingest.hpp"
#include "store/ledger.hpp"
#include "test_support.hpp"

namespace vnplan {
namespace {

namespace fs = std::filesystem;
using testing_support::TempDir;

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

ReportPeriod h1() { return *parseReportPeriod("2026-H1"); }

TEST(Inbox, WorkbooksOfThePeriodInNameOrderWithoutTemporaries) {
  TempDir t("vnplan-inbox-");
  const fs::path inbox = t.path / "inbox" / "2026-H1";
  for (const char* name : {"b.xlsx", "A.XLSX", "~$b.xlsx", ".c.xlsx", "notes.txt", "x.xls", ".xlsx"}) write(inbox / name, "x");
  fs::create_directories(inbox / "folder.xlsx");
  write(t.path / "inbox" / "2026" / "other-period.xlsx", "x");
  const auto files = inboxFiles(t.path.string(), h1());
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(fs::path(files[0]).filename(), "A.XLSX");
  EXPECT_EQ(fs::path(files[1]).filename(), "b.xlsx");
  EXPECT_EQ(inboxDir(t.path.string(), h1()), (t.path / "inbox" / "2026-H1").string());
  EXPECT_TRUE(inboxFiles((t.path / "none").string(), h1()).empty());
}

TEST(ConsolidationInputs, UnitFilesOfThePeriodAndTheLedgerRecordsOfThePeriod) {
  TempDir t("vnplan-cons-inputs-");
  const fs::path plan = t.path / "tinh";
  write(plan / "units.yaml", "units: []\n");
  write(plan / "progress" / "units" / "05440" / "2026-H1.yaml", "period: 2026-H1\n");
  write(plan / "progress" / "units" / "05440" / "2026.yaml", "period: 2026\n");
  write(plan / "progress" / "units" / "05443" / "2026-H1.yaml", "period: 2026-H1\n");
  auto in = consolidationInputs(plan.string(), "tinh", h1(), "");
  ASSERT_EQ(in.files.size(), 3u);
  EXPECT_EQ(fs::path(in.files[0]).filename(), "2026-H1.yaml");
  EXPECT_EQ(fs::path(in.files[2]).filename(), "units.yaml");
  EXPECT_TRUE(in.ledgerRecords.empty());

  // A record of the period changes the inputs; one of another period or plan does not.
  fs::create_directories(plan / "submissions");
  auto ledger = openSqliteLedger(ledgerPath(plan.string()));
  SubmissionRecord r;
  r.planId = "tinh";
  r.period = "2026";
  r.unitKind = "unit";
  r.unitCode = "05440";
  r.contentHash = "ab";
  ledger->record(r);
  r.period = "2026-H1";
  r.planId = "khac";
  ledger->record(r);
  EXPECT_TRUE(consolidationInputs(plan.string(), "tinh", h1(), "").ledgerRecords.empty());
  r.planId = "tinh";
  r.accepted = false;
  ledger->record(r);
  const std::string rejected = consolidationInputs(plan.string(), "tinh", h1(), "").ledgerRecords;
  EXPECT_NE(rejected.find("05440"), std::string::npos);
  r.accepted = true;
  ledger->record(r);
  EXPECT_NE(consolidationInputs(plan.string(), "tinh", h1(), "").ledgerRecords, rejected);
}

TEST(ConsolidationInputs, MissingUnitsFileStillNamedSoItsArrivalChangesTheHash) {
  TempDir t("vnplan-cons-nounits-");
  const fs::path plan = t.path / "tinh";
  fs::create_directories(plan);
  auto in = consolidationInputs(plan.string(), "tinh", h1(), "");
  ASSERT_EQ(in.files.size(), 1u);
  EXPECT_EQ(in.files[0], (plan / "units.yaml").string());
}

}  // namespace
}  // namespace vnplan
