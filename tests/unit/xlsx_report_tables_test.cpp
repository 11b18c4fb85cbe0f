// The report workbook's tables on a small hand-made plan: the figures keyed by the template's
// names with the prose's rounding, task rows with their status and dates, indicator rows with
// the numbers compared, and the achievement formulas.
#include <gtest/gtest.h>

#include "compute/achievement.hpp"
#include "compute/report_figures.hpp"
#include "compute/task_status.hpp"
#include "render/xlsx/report_tables.hpp"

using namespace vnplan;
using namespace vnplan::xlsx;

namespace {

Task task(const std::string& number, const std::string& deadline) {
  Task t;
  t.number = number;
  t.name = "Nhiệm vụ " + number;
  t.deadline = parseDeadline(deadline);
  t.lead = {AgencyRef{"VHTT", "Phòng Văn hóa và Thông tin"}};
  return t;
}

Indicator indicator(const std::string& number, const std::string& target) {
  Indicator i;
  i.number = number;
  i.name = "Chỉ tiêu " + number;
  i.unit = "%";
  i.target = target;
  return i;
}

struct Fixture {
  Plan plan;
  ProgressReport rep;
  TaskStatusSummary tasks;
  IndicatorSummary indicators;
  ReportFigures figures;

  Fixture() {
    plan.id = "t";
    plan.document.issuer.symbol = "UBND";
    plan.document.issuer.shortName = "UBND huyện Thử";
    Appendix<Task> ta;
    ta.groups = {{"I.", "Nhóm một", {task("1", "3/2025"), task("2", "6/2025"), task("3", "Hằng năm")}},
                 {"II.", "Nhóm hai", {task("4", "12/2025")}}};
    plan.tasks = ta;
    Appendix<Indicator> ia;
    ia.groups = {{"I", "Chỉ tiêu", {indicator("1", "≥ 40"), indicator("2", "≥ 40"), indicator("3", "≤5"),
                                     indicator("4", "Đạt"), indicator("5", "Tiếp cận mức tiên tiến"),
                                     indicator("6", "≥3%")}}};
    plan.indicators = ia;

    rep.period = ReportPeriod{2025, ReportKind::Annual, 0};
    rep.asOf = CalendarDate{2025, 12, 14};
    TaskProgress p1;
    p1.number = "1";
    p1.state = TaskState::Done;
    p1.completed = CalendarDate{2025, 4, 2};  // late
    p1.result = "Đã ban hành";
    p1.documents = {"Kế hoạch số 45/KH-UBND ngày 20/3/2025", "Công văn số 12/UBND"};
    TaskProgress p2;
    p2.number = "2";
    p2.state = TaskState::InProgress;  // overdue at 14/12
    p2.difficulties = "Thiếu kinh phí";
    TaskProgress p4;
    p4.number = "4";
    p4.state = TaskState::Stopped;
    p4.reason = "Điều chỉnh theo chủ trương mới";
    rep.tasks = {p1, p2, p4};
    auto value = [](const std::string& n, const std::string& v) {
      IndicatorProgress ip;
      ip.number = n;
      ip.value = v;
      return ip;
    };
    rep.indicators = {value("1", "45"), value("2", "≥ 50"), value("3", "7"), value("4", "Đạt"), value("6", "2,5%")};
    tasks = computeTaskStatus(plan, rep);
    indicators = computeAchievements(plan, rep);
    figures = reportFigures(tasks, indicators);
  }
};

const Cell& cell(const SheetTable& t, std::size_t row, const std::string& key) {
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (t.columns[c].key == key) return t.rows.at(row).cells.at(c);
  throw std::runtime_error("no column " + key);
}

}  // namespace

TEST(XlsxReportTables, FiguresUseTheTemplateNamesAndTheProseRounding) {
  Fixture f;
  auto list = reportFigureList(f.plan, f.figures);
  std::vector<std::string> keys;
  for (const auto& x : list) keys.push_back(x.key);
  const std::vector<std::string> want = {
      "tasks.total", "tasks.done", "tasks.done_pct", "tasks.done_on_time", "tasks.done_late", "tasks.in_progress",
      "tasks.not_started", "tasks.overdue", "tasks.overdue_pct", "tasks.recurring", "tasks.waiting", "tasks.stopped",
      "tasks.not_reported", "indicators.total", "indicators.met", "indicators.met_pct", "indicators.not_met",
      "indicators.not_comparable", "indicators.no_data"};
  EXPECT_EQ(keys, want);
  auto value = [&](const std::string& k) {
    for (const auto& x : list)
      if (x.key == k) return x.value;
    return -1.0;
  };
  EXPECT_EQ(value("tasks.total"), 4);
  EXPECT_EQ(value("tasks.done_late"), 1);
  EXPECT_DOUBLE_EQ(value("tasks.done_pct"), 0.25);
  EXPECT_EQ(value("tasks.overdue"), 1);
  EXPECT_EQ(value("tasks.stopped"), 1);
  EXPECT_EQ(value("indicators.total"), 6);
  EXPECT_EQ(value("indicators.no_data"), 1);
  // 3 of 6 met (45 ≥ 40, bound ≥ 50, Đạt) -> 50 %.
  EXPECT_DOUBLE_EQ(value("indicators.met_pct"), 0.5);

  EXPECT_DOUBLE_EQ(roundedShare(100.0 * 18 / 52), 0.346);  // "34,6"
  EXPECT_DOUBLE_EQ(roundedShare(100), 1.0);
  EXPECT_DOUBLE_EQ(roundedShare(100.0 * 2 / 3), 0.667);

  // A plan without tasks states no task figures (the prose's has_tasks).
  Plan noTasks = f.plan;
  noTasks.tasks.reset();
  EXPECT_EQ(reportFigureList(noTasks, f.figures).front().key, "indicators.total");

  SheetTable t = buildFigureTable(list);
  ASSERT_EQ(t.rows.size(), want.size());
  EXPECT_EQ(t.columns[3].key, "figure.key");
  EXPECT_TRUE(t.columns[3].machine);
  EXPECT_EQ(t.rows[2].cells[2].numFormat, "0.0%");
  EXPECT_EQ(t.rows[2].cells[3].text, "tasks.done_pct");
}

TEST(XlsxReportTables, TaskRowsCarryStatusDatesAndResults) {
  Fixture f;
  SheetTable t = buildReportTaskTable(f.plan, f.tasks, "PHỤ LỤC I", "(Kèm theo …)");
  ASSERT_EQ(t.rows.size(), 6u);  // 2 groups + 4 tasks
  EXPECT_EQ(t.groups, 2u);
  EXPECT_EQ(t.items, 4u);
  EXPECT_TRUE(t.rows[0].group);
  EXPECT_EQ(t.rows[0].cells[1].text, "Nhóm một");
  EXPECT_EQ(t.columns[taskStatusColumn()].key, "task.status");
  EXPECT_EQ(cell(t, 1, "task.status").text, "Hoàn thành chậm");
  EXPECT_EQ(cell(t, 1, "task.completed").type, CellType::Date);
  EXPECT_EQ(cell(t, 1, "task.completed").date, (CalendarDate{2025, 4, 2}));
  EXPECT_EQ(cell(t, 1, "task.documents").text, "Kế hoạch số 45/KH-UBND ngày 20/3/2025\nCông văn số 12/UBND");
  EXPECT_EQ(cell(t, 1, "task.days_late").number, 2);
  EXPECT_EQ(cell(t, 2, "task.status").text, "Quá hạn");
  EXPECT_EQ(cell(t, 2, "task.status.key").text, "overdue");
  EXPECT_EQ(cell(t, 2, "task.difficulties").text, "Thiếu kinh phí");
  EXPECT_EQ(cell(t, 3, "task.status").text, "Thường xuyên, hằng năm");
  EXPECT_EQ(cell(t, 3, "task.completed").type, CellType::Empty);
  EXPECT_EQ(cell(t, 5, "task.status").text, "Dừng/điều chỉnh");
  EXPECT_EQ(cell(t, 5, "task.difficulties").text, "Lý do: Điều chỉnh theo chủ trương mới");
  EXPECT_EQ(cell(t, 5, "task.group").text, "II.");
  EXPECT_EQ(cell(t, 5, "task.lead").text, "Phòng Văn hóa và Thông tin");
  EXPECT_EQ(taskStatusLabels().size(), kTaskStatusCount);
}

TEST(XlsxReportTables, IndicatorRowsHoldTheComparedNumbers) {
  Fixture f;
  SheetTable t = buildReportIndicatorTable(f.plan, f.indicators, "PHỤ LỤC II", "");
  ASSERT_EQ(t.rows.size(), 7u);
  // ≥ 40 vs 45: numbers, direction, ratio.
  EXPECT_EQ(cell(t, 1, "indicator.target").text, "≥ 40");
  EXPECT_EQ(cell(t, 1, "indicator.target.number").number, 40);
  EXPECT_EQ(cell(t, 1, "indicator.value.number").number, 45);
  EXPECT_EQ(cell(t, 1, "indicator.direction").text, "≥");
  EXPECT_DOUBLE_EQ(cell(t, 1, "indicator.ratio").number, 45.0 / 40);
  EXPECT_EQ(cell(t, 1, "indicator.verdict").text, "Đạt");
  EXPECT_EQ(cell(t, 1, "indicator.kind").text, "numeric");
  // A bound value: met, but no ratio.
  EXPECT_EQ(cell(t, 2, "indicator.value.bound").text, "≥");
  EXPECT_EQ(cell(t, 2, "indicator.ratio").type, CellType::Empty);
  EXPECT_EQ(cell(t, 2, "indicator.verdict").text, "Đạt");
  // ≤5 vs 7: not met, no ratio for a ceiling.
  EXPECT_EQ(cell(t, 3, "indicator.direction").text, "≤");
  EXPECT_EQ(cell(t, 3, "indicator.ratio").type, CellType::Empty);
  EXPECT_EQ(cell(t, 3, "indicator.verdict").text, "Chưa đạt");
  // Qualitative and missing values: no numbers.
  EXPECT_EQ(cell(t, 4, "indicator.target.number").type, CellType::Empty);
  EXPECT_EQ(cell(t, 4, "indicator.verdict").text, "Đạt");
  EXPECT_EQ(cell(t, 5, "indicator.verdict").text, "Chưa có số liệu");
  // Percentages stay the numbers as written, shown with a "%".
  EXPECT_EQ(cell(t, 6, "indicator.target.number").number, 3);
  EXPECT_EQ(cell(t, 6, "indicator.target.number").numFormat, "#,##0\"%\"");
  EXPECT_EQ(cell(t, 6, "indicator.value.number").number, 2.5);
  EXPECT_EQ(cell(t, 6, "indicator.value.number").numFormat, "#,##0.0\"%\"");
  EXPECT_EQ(cell(t, 6, "indicator.verdict").text, "Chưa đạt");
}

TEST(XlsxReportTables, AchievementFormulas) {
  const IndicatorFormulaColumns c = indicatorFormulaColumns();
  EXPECT_EQ(c.targetNumber, 5);  // F
  EXPECT_EQ(c.valueNumber, 6);   // G
  EXPECT_EQ(c.direction, 12);    // M
  EXPECT_EQ(c.bound, 13);        // N
  EXPECT_EQ(ratioFormula(6), "=IF(AND(ISNUMBER(F7),ISNUMBER(G7),F7>0,OR(M7=\"≥\",M7=\">\"),N7=\"\"),G7/F7,\"\")");
  EXPECT_EQ(verdictFormula(6, "Chưa so sánh được"),
            "=IF(AND(ISNUMBER(F7),ISNUMBER(G7)),IF(OR(AND(M7=\"≥\",G7>=F7),AND(M7=\">\",G7>F7),AND(M7=\"≤\",G7<=F7),"
            "AND(M7=\"<\",G7<F7)),\"Đạt\",\"Chưa đạt\"),\"Chưa so sánh được\")");
  Achievement a = compareAchievement("Đạt", "Chưa đạt");
  EXPECT_EQ(verdictFallback(a), "Chưa đạt");
  EXPECT_EQ(verdictFallback(compareAchievement("≥ 40", "45")), "Chưa so sánh được");
  EXPECT_EQ(verdictFallback(compareAchievement("≥ 40", "")), "Chưa có số liệu");
}
