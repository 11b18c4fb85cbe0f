#include "load/progress_loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "load/plan_loader.hpp"

using namespace vnplan;

namespace {

std::string dataDir() { return std::string(VNPLAN_TEST_DATA) + "/progress"; }

const Plan& testPlan() {
  static const Plan plan = [] {
    Diagnostics d;
    auto p = loadPlan(dataDir() + "/plan", d);
    if (!p) throw std::runtime_error("test plan does not load");
    return *p;
  }();
  return plan;
}

std::string dump(const Diagnostics& d) {
  std::string all;
  for (const auto& x : d.items) all += formatDiagnostic(x, Lang::En) + "\n";
  return all;
}

::testing::AssertionResult hasDiag(const Diagnostics& d, MsgId id, int line, int col, const std::string& arg0 = "") {
  for (const auto& x : d.items)
    if (x.id == id && x.line == line && x.column == col && x.severity == Severity::Error &&
        (arg0.empty() || (!x.args.empty() && x.args[0] == arg0)))
      return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "no diagnostic at " << line << ":" << col << " in:\n" << dump(d);
}

}  // namespace

TEST(ProgressLoader, ReadsEveryField) {
  Diagnostics d;
  auto r = loadProgress(dataDir() + "/plan/progress/2025.yaml", testPlan(), d);
  ASSERT_TRUE(r) << dump(d);
  EXPECT_TRUE(d.items.empty()) << dump(d);
  EXPECT_EQ(r->period.key(), "2025");
  EXPECT_EQ(r->asOf, (CalendarDate{2025, 12, 5}));
  EXPECT_EQ(r->chiDao, std::vector<std::string>{"Đoạn chỉ đạo."});
  EXPECT_EQ(r->ketQuaNoiBat.size(), 2u);
  ASSERT_EQ(r->tonTai.size(), 1u);
  EXPECT_EQ(r->tonTai[0], "Tồn tại viết trên hai dòng.");  // folded block: one paragraph
  EXPECT_EQ(r->phuongHuong.size(), 1u);
  EXPECT_EQ(r->deXuat.size(), 1u);
  ASSERT_EQ(r->tasks.size(), 5u);
  const TaskProgress* t1 = r->findTask("1");
  ASSERT_TRUE(t1);
  EXPECT_EQ(t1->state, TaskState::Done);  // "Hoàn thành": any case
  EXPECT_EQ(t1->completed, (CalendarDate{2025, 3, 31}));
  EXPECT_EQ(t1->result, "Kế hoạch đã ban hành.");
  EXPECT_EQ(t1->documents, std::vector<std::string>{"Kế hoạch số 5/KH-UBND ngày 31/3/2025"});
  EXPECT_EQ(t1->at.line, 12);
  EXPECT_EQ(t1->at.column, 5);
  EXPECT_EQ(r->findTask("3")->state, TaskState::NotStarted);
  EXPECT_EQ(r->findTask("4")->state, TaskState::InProgress);           // English key
  EXPECT_EQ(r->findTask("4")->completed, (CalendarDate{2025, 6, 1}));  // ISO date
  EXPECT_EQ(r->findTask("4")->difficulties, "Thiếu kinh phí.");
  EXPECT_EQ(r->findTask("5")->state, TaskState::Stopped);  // "dừng / điều chỉnh"
  EXPECT_EQ(r->findTask("5")->reason, "Tỉnh đã số hóa tập trung.");
  ASSERT_EQ(r->indicators.size(), 3u);
  EXPECT_EQ(r->findIndicator("1")->value, "45%");
  EXPECT_EQ(r->findIndicator("1")->note, "Ước đạt");
  EXPECT_EQ(r->findIndicator("2")->asOf, (CalendarDate{2025, 11, 30}));
  EXPECT_EQ(r->findIndicator("3")->value, "");
}

TEST(ProgressLoader, EntryProblemsAreLocated) {
  Diagnostics d;
  EXPECT_FALSE(loadProgress(dataDir() + "/broken-entries/2026-H1.yaml", testPlan(), d));
  EXPECT_TRUE(hasDiag(d, MsgId::ImpossibleDate, 2, 8, "31/06/2026"));  // as_of 31/06
  EXPECT_TRUE(hasDiag(d, MsgId::BadValue, 5, 13, "status"));           // "xong"
  EXPECT_TRUE(hasDiag(d, MsgId::UnknownTask, 6, 13, "9"));
  EXPECT_TRUE(hasDiag(d, MsgId::MissingField, 9, 5, "reason"));  // stopped without reason
  EXPECT_TRUE(hasDiag(d, MsgId::DuplicateNumber, 11, 13, "task"));
  EXPECT_TRUE(hasDiag(d, MsgId::UnknownKey, 13, 5, "stauts"));
  EXPECT_TRUE(hasDiag(d, MsgId::MissingField, 14, 5, "completed"));  // done, dated deadline, no date
  EXPECT_TRUE(hasDiag(d, MsgId::BadValue, 18, 16, "completed"));     // after as_of
  EXPECT_TRUE(hasDiag(d, MsgId::BadValue, 21, 16, "completed"));     // "hôm qua"
  EXPECT_TRUE(hasDiag(d, MsgId::UnknownIndicator, 24, 14, "99"));
  EXPECT_TRUE(hasDiag(d, MsgId::DuplicateNumber, 25, 14, "indicator"));
  EXPECT_TRUE(hasDiag(d, MsgId::WrongType, 26, 26, "value"));
  EXPECT_EQ(d.errorCount(), 12u) << dump(d);

  auto it =
      std::find_if(d.items.begin(), d.items.end(), [](const Diagnostic& x) { return x.id == MsgId::UnknownTask; });
  const std::string file = dataDir() + "/broken-entries/2026-H1.yaml";
  EXPECT_EQ(formatDiagnostic(*it, Lang::Vi), file + ":6:13: lỗi: không có nhiệm vụ số \"9\" trong kế hoạch");
  EXPECT_EQ(formatDiagnostic(*it, Lang::En), file + ":6:13: error: the plan has no task \"9\"");
  auto late = std::find_if(d.items.begin(), d.items.end(), [](const Diagnostic& x) { return x.line == 18; });
  EXPECT_EQ(formatDiagnostic(*late, Lang::En),
            file + ":18:16: error: invalid value \"01/07/2026\" for \"completed\"; allowed: ≤ as_of 14/06/2026");
}

TEST(ProgressLoader, PeriodMustMatchFileName) {
  Diagnostics d;
  EXPECT_FALSE(loadProgress(dataDir() + "/broken-period/2026-H1.yaml", testPlan(), d));
  ASSERT_EQ(d.items.size(), 1u) << dump(d);
  EXPECT_TRUE(hasDiag(d, MsgId::BadPeriod, 1, 9, "2026 ≠ 2026-H1.yaml"));
  EXPECT_EQ(formatDiagnostic(d.items[0], Lang::En),
            dataDir() + "/broken-period/2026-H1.yaml:1:9: error: invalid reporting period: 2026 ≠ 2026-H1.yaml");
}

TEST(ProgressLoader, UnknownPeriodForms) {
  Diagnostics d;
  EXPECT_FALSE(loadProgress(dataDir() + "/broken-period/2026-H2.yaml", testPlan(), d));
  EXPECT_TRUE(hasDiag(d, MsgId::BadPeriod, 0, 0, "2026-H2.yaml"));  // the file name
  EXPECT_TRUE(hasDiag(d, MsgId::BadPeriod, 1, 9, "2026-H2"));       // the value
  EXPECT_EQ(d.errorCount(), 2u) << dump(d);
}

TEST(ProgressLoader, AsOfOutsideTheDataPeriodAndWrongShapes) {
  Diagnostics d;
  EXPECT_FALSE(loadProgress(dataDir() + "/broken-period/2026-Q2.yaml", testPlan(), d));
  EXPECT_TRUE(hasDiag(d, MsgId::BadValue, 2, 8, "as_of"));  // Q2 data: 15/03 – 14/06
  EXPECT_EQ(d.items[0].args[2], "15/03/2026 … 14/06/2026");
  EXPECT_TRUE(hasDiag(d, MsgId::WrongType, 3, 12, "direction"));
  EXPECT_TRUE(hasDiag(d, MsgId::WrongType, 5, 3, "tasks"));
  EXPECT_EQ(d.errorCount(), 3u) << dump(d);
}

TEST(ProgressLoader, MissingFile) {
  Diagnostics d;
  EXPECT_FALSE(loadProgress(dataDir() + "/plan/progress/2024.yaml", testPlan(), d));
  ASSERT_EQ(d.items.size(), 1u);
  EXPECT_EQ(d.items[0].id, MsgId::FileNotFound);
}

TEST(ProgressLoader, AvailableProgressListsPeriodFilesOnly) {
  // plan/progress holds 2025.yaml and ghi-chu.yaml (not a period key).
  EXPECT_EQ(availableProgress(dataDir() + "/plan"), (std::set<std::string>{"2025"}));
  EXPECT_TRUE(availableProgress(dataDir() + "/no-such-dir").empty());
  EXPECT_EQ(progressFile("inputs/x", *parseReportPeriod("2026-H1")), "inputs/x/progress/2026-H1.yaml");
}
