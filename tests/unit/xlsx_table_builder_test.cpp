// The sheet tables built from plans: columns and keys, group rows, typed cells,
// deadline columns, and the formula-injection decision (plan text is always text).
#include <gtest/gtest.h>

#include "test_support.hpp"

#include "load/plan_loader.hpp"
#include "render/xlsx/table_builder.hpp"
#include "render/xlsx/text_metrics.hpp"

using namespace vnplan;
using namespace vnplan::xlsx;

namespace {

Plan load(const std::string& dir) {
  Diagnostics d;
  auto p = loadPlan(dir, d);
  if (!p) throw std::runtime_error("cannot load " + dir);
  return *p;
}

Plan minimal() { return load(std::string(VNPLAN_TEST_DATA) + "/plans/minimal"); }

int columnOf(const SheetTable& t, const std::string& key) {
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].key == key) return static_cast<int>(i);
  return -1;
}

}  // namespace

TEST(XlsxTableBuilder, MinimalPlanColumnsAndKeys) {
  auto tables = buildTables(minimal(), testing_support::rulesFor(Family::State));
  ASSERT_EQ(tables.size(), 2u);
  const SheetTable& tasks = tables[1];
  EXPECT_EQ(tasks.id, "tasks");
  EXPECT_EQ(tasks.sheetName, "PHỤ LỤC II");
  EXPECT_EQ(tasks.printedColumns(), 4u);
  std::vector<std::string> keys;
  for (const auto& c : tasks.columns) keys.push_back(c.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"task.number", "task.name", "task.lead", "task.deadline", "task.row",
                                            "task.group", "task.lead.codes", "task.partners.codes",
                                            "task.deadline.kind", "task.deadline.year", "task.deadline.quarter",
                                            "task.deadline.month", "task.deadline.due", "task.key"}));
  EXPECT_EQ(tasks.columns[1].header, "Tên nhiệm vụ");
  EXPECT_FALSE(tasks.columns[3].machine);
  EXPECT_TRUE(tasks.columns[4].machine);
  EXPECT_EQ(tasks.link, "(Ban hành kèm theo Kế hoạch số 05/KH-UBND ngày 04/02/2025 của UBND xã Mẫu)");
}

TEST(XlsxTableBuilder, FormulaLikeTaskNameStaysText) {
  auto tables = buildTables(minimal(), testing_support::rulesFor(Family::State));
  const SheetTable& tasks = tables[1];
  ASSERT_EQ(tasks.rows.size(), 3u);  // one group row, two tasks
  const Cell& name = tasks.rows[1].cells[columnOf(tasks, "task.name")];
  EXPECT_EQ(name.type, CellType::Text);
  EXPECT_EQ(name.text, "=SUM(A1:A2) tuyên truyền");
}

TEST(XlsxTableBuilder, GroupRowsAndMachineColumns) {
  auto tables = buildTables(minimal(), testing_support::rulesFor(Family::State));
  const SheetTable& tasks = tables[1];
  const TableRow& g = tasks.rows[0];
  EXPECT_TRUE(g.group);
  EXPECT_EQ(g.cells[0].text, "I");
  EXPECT_EQ(g.cells[1].text, "Tuyên truyền");
  EXPECT_EQ(g.cells[columnOf(tasks, "task.row")].text, "group");
  EXPECT_EQ(g.cells[columnOf(tasks, "task.group")].text, "I");
  EXPECT_EQ(tasks.groups, 1u);
  EXPECT_EQ(tasks.items, 2u);

  const TableRow& t2 = tasks.rows[2];
  EXPECT_EQ(t2.cells[columnOf(tasks, "task.row")].text, "item");
  EXPECT_EQ(t2.cells[columnOf(tasks, "task.lead")].text, "Công chức Văn hóa - Xã hội\nCác thôn");
  EXPECT_EQ(t2.cells[columnOf(tasks, "task.lead.codes")].text, "VH");
}

TEST(XlsxTableBuilder, DeadlineColumns) {
  auto tables = buildTables(minimal(), testing_support::rulesFor(Family::State));
  const SheetTable& tasks = tables[1];
  const TableRow& exact = tasks.rows[1];  // "3/2025"
  EXPECT_EQ(exact.cells[columnOf(tasks, "task.deadline")].text, "3/2025");
  EXPECT_EQ(exact.cells[columnOf(tasks, "task.deadline.kind")].text, "exact");
  EXPECT_EQ(exact.cells[columnOf(tasks, "task.deadline.year")].number, 2025);
  EXPECT_EQ(exact.cells[columnOf(tasks, "task.deadline.quarter")].number, 1);
  EXPECT_EQ(exact.cells[columnOf(tasks, "task.deadline.month")].number, 3);
  const Cell& due = exact.cells[columnOf(tasks, "task.deadline.due")];
  ASSERT_EQ(due.type, CellType::Date);
  EXPECT_EQ(due.date, (CalendarDate{2025, 3, 31}));

  const TableRow& yearly = tasks.rows[2];  // "Hằng năm"
  EXPECT_EQ(yearly.cells[columnOf(tasks, "task.deadline.kind")].text, "recurring");
  EXPECT_EQ(yearly.cells[columnOf(tasks, "task.deadline.year")].type, CellType::Empty);
  EXPECT_EQ(yearly.cells[columnOf(tasks, "task.deadline.due")].type, CellType::Empty);
}

TEST(XlsxTableBuilder, QuarterDeadline) {
  Plan p = minimal();
  p.tasks->groups[0].items[0].deadline = parseDeadline("Quý II/năm 2025");
  auto tables = buildTables(p, testing_support::rulesFor(p.document.family));
  const SheetTable& tasks = tables[1];
  const TableRow& r = tasks.rows[1];
  EXPECT_EQ(r.cells[columnOf(tasks, "task.deadline.quarter")].number, 2);
  EXPECT_EQ(r.cells[columnOf(tasks, "task.deadline.month")].type, CellType::Empty);
  EXPECT_EQ(r.cells[columnOf(tasks, "task.deadline.due")].date, (CalendarDate{2025, 6, 30}));
}

TEST(XlsxTableBuilder, SeedTablesMatchTheModel) {
  for (const char* seed : {"dinh-hoa", "binh-giang", "dang-uy-dinh-hoa"}) {
    Plan p = load(std::string(VNPLAN_INPUTS) + "/" + seed);
    auto tables = buildTables(p, testing_support::rulesFor(p.document.family));
    ASSERT_EQ(tables.size(), (p.indicators ? 1u : 0u) + (p.tasks ? 1u : 0u)) << seed;
    std::size_t i = 0;
    if (p.indicators) {
      const SheetTable& t = tables[i++];
      EXPECT_EQ(t.items, p.indicators->rowCount()) << seed;
      EXPECT_EQ(t.rows.size(), p.indicators->rowCount() + p.indicators->groups.size()) << seed;
      EXPECT_EQ(t.printedColumns(), p.indicators->columns.size()) << seed;
    }
    if (p.tasks) {
      const SheetTable& t = tables[i++];
      EXPECT_EQ(t.items, p.tasks->rowCount()) << seed;
      EXPECT_EQ(t.rows.size(), p.tasks->rowCount() + p.tasks->groups.size()) << seed;
    }
    for (const auto& t : tables) {
      double printed = 0;
      for (std::size_t c = 0; c < t.printedColumns(); ++c) printed += t.columns[c].width;
      EXPECT_GE(printed, 120) << seed;  // about the width of an A4 landscape page
      EXPECT_LE(printed, 160) << seed;
      for (const auto& r : t.rows) EXPECT_EQ(r.cells.size(), t.columns.size());
    }
  }
}

TEST(XlsxTableBuilder, MilestoneTargetsAreTypedPerYear) {
  Plan p = load(std::string(VNPLAN_INPUTS) + "/dang-uy-dinh-hoa");
  auto tables = buildTables(p, testing_support::rulesFor(p.document.family));
  const SheetTable& t = tables[0];
  int c2025 = columnOf(t, "indicator.target.2025");
  ASSERT_GE(c2025, 0);
  // Item 2: "95%" in 2025 is a number shown as a percentage; item 1 stays text.
  EXPECT_EQ(t.rows[1].cells[c2025].type, CellType::Text);
  EXPECT_EQ(t.rows[2].cells[c2025].type, CellType::Number);
  EXPECT_DOUBLE_EQ(t.rows[2].cells[c2025].number, 0.95);
  EXPECT_EQ(t.rows[2].cells[c2025].numFormat, "0%");
  EXPECT_EQ(t.title, "DANH MỤC CÁC MỤC TIÊU CỤ THỂ");  // printed upper case, like the PDF
}

TEST(XlsxTextMetrics, WrappingAndWidths) {
  FontMetrics f{12, false};
  EXPECT_EQ(wrappedLines("", 10, f), 1);
  EXPECT_EQ(wrappedLines("Đạt", 10, f), 1);
  EXPECT_EQ(wrappedLines("a\nb\nc", 10, f), 3);
  EXPECT_GT(wrappedLines("Phòng Văn hóa, Khoa học và Thông tin", 12, f), 1);
  EXPECT_EQ(wrappedLines("Phòng Văn hóa, Khoa học và Thông tin", 40, f), 1);
  // Precomposed Vietnamese letters measure as their base letters.
  EXPECT_DOUBLE_EQ(textWidthUnits("ệ", f), textWidthUnits("e", f));
  EXPECT_GT(textWidthUnits("M", FontMetrics{12, true}), textWidthUnits("M", f) - 1e-9);
  EXPECT_GT(rowHeightPoints(2, f), rowHeightPoints(1, f));
}
