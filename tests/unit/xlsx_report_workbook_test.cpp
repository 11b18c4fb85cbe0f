// writeReportWorkbook end to end inside the process on a seed plan and its progress data:
// a file with the chart and _meta is written, the same input gives the same bytes, the
// created date is written, and bad text fails with an error naming the sheet and cell.
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compute/achievement.hpp"
#include "compute/report_figures.hpp"
#include "compute/task_status.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"
#include "render/xlsx/report_workbook.hpp"

using namespace vnplan;
using testing_support::readAll;

struct TempDir : testing_support::TempDir {
  TempDir() : testing_support::TempDir("vnplan-xlsx-report-test-") {}
};

namespace {


struct Seed {
  Plan plan;
  ProgressReport rep;
  TaskStatusSummary tasks;
  IndicatorSummary indicators;
  ReportFigures figures;

  Seed(const std::string& id, const std::string& period) {
    Diagnostics d;
    const std::string dir = std::string(VNPLAN_INPUTS) + "/" + id;
    auto p = loadPlan(dir, d);
    if (!p) throw std::runtime_error("cannot load " + id);
    plan = *p;
    auto r = loadProgress(progressFile(dir, *parseReportPeriod(period)), plan, d);
    if (!r) throw std::runtime_error("cannot load progress of " + id);
    rep = *r;
    tasks = computeTaskStatus(plan, rep);
    indicators = computeAchievements(plan, rep);
    figures = reportFigures(tasks, indicators);
  }
  ReportWorkbookInput input() const { return {&plan, &rep, &tasks, &indicators, &figures}; }
};

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST(XlsxReportWorkbook, SameInputSameBytes) {
  TempDir dir;
  Seed s("dinh-hoa", "2026-H1");
  writeReportWorkbook(s.input(), (dir.path / "a.xlsx").string(), XlsxOptions{1780000000, &testing_support::rulesFor(Family::State)});
  writeReportWorkbook(s.input(), (dir.path / "b.xlsx").string(), XlsxOptions{1780000000, &testing_support::rulesFor(Family::State)});
  const std::string a = readAll(dir.path / "a.xlsx");
  ASSERT_GT(a.size(), 5000u);
  EXPECT_EQ(a.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_TRUE(a == readAll(dir.path / "b.xlsx")) << "two runs differ";
  // The parts a report workbook has: three sheets and _meta, a chart on the summary.
  EXPECT_TRUE(contains(a, "xl/charts/chart1.xml"));
  EXPECT_TRUE(contains(a, "xl/worksheets/sheet4.xml"));
  EXPECT_FALSE(contains(a, "xl/worksheets/sheet5.xml"));

  writeReportWorkbook(s.input(), (dir.path / "c.xlsx").string(), XlsxOptions{1780000000 + 86400, &testing_support::rulesFor(Family::State)});
  EXPECT_FALSE(a == readAll(dir.path / "c.xlsx")) << "the created date is written";
}

TEST(XlsxReportWorkbook, PartyPlanWithoutTasksHasNoTaskSheetNorChart) {
  TempDir dir;
  Seed s("dang-uy-dinh-hoa", "2025");
  ASSERT_FALSE(s.plan.tasks && !s.tasks.tasks.empty());
  writeReportWorkbook(s.input(), (dir.path / "p.xlsx").string(), XlsxOptions{1780000000, &testing_support::rulesFor(Family::Party)});
  const std::string a = readAll(dir.path / "p.xlsx");
  EXPECT_FALSE(contains(a, "xl/charts/chart1.xml"));
  EXPECT_TRUE(contains(a, "xl/worksheets/sheet3.xml"));  // Tổng hợp, Chỉ tiêu, _meta
  EXPECT_FALSE(contains(a, "xl/worksheets/sheet4.xml"));
}

TEST(XlsxReportWorkbook, InvalidTextFailsNamingTheCell) {
  TempDir dir;
  Seed s("binh-giang", "2025");
  ASSERT_FALSE(s.rep.tasks.empty());
  s.rep.tasks.front().result = "kết quả \xff";  // not UTF-8
  s.tasks = computeTaskStatus(s.plan, s.rep);
  const auto path = dir.path / "bad.xlsx";
  try {
    writeReportWorkbook(s.input(), path.string(), XlsxOptions{1780000000, &testing_support::rulesFor(Family::State)});
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_TRUE(contains(e.what(), "sheet 'Nhiệm vụ' cell G")) << e.what();
    EXPECT_TRUE(contains(e.what(), "UTF-8")) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(path));

  ReportWorkbookInput missing = s.input();
  missing.figures = nullptr;
  EXPECT_THROW(writeReportWorkbook(missing, path.string(), XlsxOptions{}), std::runtime_error);
}
