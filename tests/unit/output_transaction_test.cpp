// Issue 13: a plan's outputs appear together or not at all; temporaries of dead
// processes are swept; an id can never name a place outside the output folder.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "batch/output_transaction.hpp"
#include "test_support.hpp"

using namespace vnplan;
using vnplan::testing_support::readAll;
using vnplan::testing_support::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> hiddenFiles(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string()[0] == '.') out.push_back(e.path().filename().string());
  return out;
}

}  // namespace

TEST(OutputTransaction, AFailedSecondFileKeepsTheWholeEarlierSet) {
  TempDir t("vnplan-tx-");
  const std::string pdf = (t.path / "x.pdf").string(), xlsx = (t.path / "x.xlsx").string();
  std::ofstream(pdf) << "old pdf";
  std::ofstream(xlsx) << "old xlsx";
  try {
    OutputTransaction tx;
    tx.stageBytes(pdf, "new pdf");
    tx.stage(xlsx, [](const std::string& tmp) {
      std::ofstream(tmp) << "half";
      throw std::runtime_error("cannot write " + tmp);
    });
    tx.commit();
    FAIL() << "no error";
  } catch (const OutputError& e) {
    EXPECT_EQ(e.finalPath(), xlsx);
    const std::string msg = e.message(Lang::Vi);
    EXPECT_NE(msg.find("không ghi được " + xlsx), std::string::npos) << msg;
    EXPECT_EQ(msg.find(".tmp-"), std::string::npos) << msg;  // the final name, not the temporary
  }
  EXPECT_EQ(readAll(pdf), "old pdf");
  EXPECT_EQ(readAll(xlsx), "old xlsx");
  EXPECT_TRUE(hiddenFiles(t.path).empty());
}

TEST(OutputTransaction, AFailedRenameRestoresTheFilesAlreadyReplaced) {
  TempDir t("vnplan-tx-");
  const std::string pdf = (t.path / "x.pdf").string(), xlsx = (t.path / "x.xlsx").string();
  std::ofstream(pdf) << "old pdf";
  fs::create_directories(fs::path(xlsx) / "in-the-way");  // the rename over it fails
  OutputTransaction tx;
  tx.stageBytes(pdf, "new pdf");
  tx.stageBytes(xlsx, "new xlsx");
  try {
    tx.commit();
    FAIL() << "no error";
  } catch (const OutputError& e) {
    EXPECT_EQ(e.finalPath(), xlsx);
    EXPECT_NE(e.message(Lang::Vi).find(": "), std::string::npos);
  }
  EXPECT_EQ(readAll(pdf), "old pdf");
  EXPECT_TRUE(hiddenFiles(t.path).empty());
}

TEST(OutputTransaction, CommitReplacesAll) {
  TempDir t("vnplan-tx-");
  OutputTransaction tx;
  tx.stageBytes((t.path / "sub" / "a.pdf").string(), "A");
  tx.stageBytes((t.path / "sub" / "b.xlsx").string(), "B");
  EXPECT_FALSE(fs::exists(t.path / "sub" / "a.pdf"));  // nothing visible before commit
  tx.commit();
  EXPECT_EQ(readAll(t.path / "sub" / "a.pdf"), "A");
  EXPECT_EQ(readAll(t.path / "sub" / "b.xlsx"), "B");
  EXPECT_TRUE(hiddenFiles(t.path / "sub").empty());
}

TEST(OutputTransaction, StaleTemporariesOfDeadProcessesAreSwept) {
  TempDir t("vnplan-tx-");
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);  // a pid that no longer runs
  const std::string dead = std::to_string(child), self = std::to_string(::getpid());
  for (const std::string& n : std::vector<std::string>{".x.pdf.tmp-" + dead + "-0", ".x.xlsx.tmp-" + dead + "-7", ".x.pdf.tmp-" + self + "-0",
                               ".x.pdf.tmp-1-0", "x.pdf.tmp-" + dead + "-0", ".x.pdf"})
    std::ofstream(t.path / n) << "partial";
  EXPECT_EQ(sweepStaleTemporaries(t.path.string()), 2);
  EXPECT_FALSE(fs::exists(t.path / (".x.pdf.tmp-" + dead + "-0")));
  EXPECT_TRUE(fs::exists(t.path / (".x.pdf.tmp-" + self + "-0")));  // this process's own
  EXPECT_TRUE(fs::exists(t.path / ".x.pdf.tmp-1-0"));               // init lives
  EXPECT_TRUE(fs::exists(t.path / ("x.pdf.tmp-" + dead + "-0")));   // not one of ours
  EXPECT_TRUE(fs::exists(t.path / ".x.pdf"));
}

TEST(OutputTransaction, IdsLeavingTheOutputFolderAreRefused) {
  for (const char* bad : {"", ".", "..", "a/b", "../x", "/etc"}) EXPECT_FALSE(isSafeOutputName(bad)) << bad;
  for (const char* ok : {"dinh-hoa", "x.y", "..a", "Định Hóa"}) EXPECT_TRUE(isSafeOutputName(ok)) << ok;
}

TEST(OutputTransaction, ErrnoTextsAreVietnamese) {
  EXPECT_EQ(OutputError("out/x.pdf", ENOSPC).message(Lang::Vi), "không ghi được out/x.pdf: ổ đĩa đã đầy");
  EXPECT_EQ(OutputError("out/x.pdf", EFBIG).message(Lang::En).rfind("cannot write out/x.pdf: ", 0), 0u);
}
