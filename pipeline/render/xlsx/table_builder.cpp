#include "render/xlsx/table_builder.hpp"

#include <algorithm>
#include <cmath>

#include "model/text.hpp"
#include "render/xlsx/column_keys.hpp"
#include "compute/appendix_cells.hpp"
#include "render/xlsx/link_line.hpp"
#include "render/xlsx/sheet_names.hpp"
#include "render/xlsx/target_value.hpp"
#include "render/xlsx/text_metrics.hpp"

namespace vnplan::xlsx {

namespace {

// Total width of the printed columns, in column units: about the width of A4 landscape
// between 15 mm margins at 100 % (267 mm ≈ 1009 px ≈ 126 units of 8 px), so that fitting
// to the page width barely shrinks the text.
constexpr double kPrintedWidth = 124;
constexpr double kMaxMinimumWidth = 24;

struct MachineColumn {
  const char* field;
  const char* header;
  double width;
  Align align;
  ValueType type;
};

const MachineColumn kIndicatorMachine[] = {
    {"row", "Loại dòng", 9, Align::Center, ValueType::Text},
    {"group", "Nhóm", 7, Align::Center, ValueType::Text},
    {"lead.codes", "Mã chủ trì", 11, Align::Left, ValueType::Text},
    {"partners.codes", "Mã phối hợp", 11, Align::Left, ValueType::Text},
    {"key", "Khóa dòng", 10, Align::Center, ValueType::Text},
};

const MachineColumn kTaskMachine[] = {
    {"row", "Loại dòng", 9, Align::Center, ValueType::Text},
    {"group", "Nhóm", 7, Align::Center, ValueType::Text},
    {"lead.codes", "Mã chủ trì", 11, Align::Left, ValueType::Text},
    {"partners.codes", "Mã phối hợp", 11, Align::Left, ValueType::Text},
    {"deadline.kind", "Loại thời hạn", 13, Align::Center, ValueType::Text},
    {"deadline.year", "Năm", 8, Align::Center, ValueType::Integer},
    {"deadline.quarter", "Quý", 7, Align::Center, ValueType::Integer},
    {"deadline.month", "Tháng", 8, Align::Center, ValueType::Integer},
    {"deadline.due", "Hạn cuối", 12, Align::Center, ValueType::Date},
    {"key", "Khóa dòng", 10, Align::Center, ValueType::Text},
};

Align planColumnAlign(const std::string& key) {
  if (key == "number" || key == "unit" || key == "product" || key == "deadline" || key.rfind("target", 0) == 0)
    return Align::Center;
  return Align::Left;
}

ValueType planColumnType(const std::string& key) {
  return key.rfind("target", 0) == 0 ? ValueType::TextOrNumber : ValueType::Text;
}

std::string joinLines(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!s.empty()) s += '\n';
    s += p;
  }
  return s;
}

Cell integerCell(int v) { return v ? Cell::makeNumber(v, "0") : Cell{}; }

template <class Row>
SheetTable startTable(const Appendix<Row>& ap, const char* id, const char* prefix,
                      const MachineColumn* machine, std::size_t machineCount) {
  SheetTable t;
  t.id = id;
  t.prefix = prefix;
  t.label = ap.label;
  t.title = toUpper(ap.title);  // printed in bold upper case, like the PDF
  for (const auto& c : ap.columns) {
    t.columnGroups.push_back(c.group);
    TableColumn col;
    col.key = schemaKey(prefix, c.key);
    col.header = c.header;
    col.width = c.width;  // relative until sized
    col.align = planColumnAlign(c.key);
    col.type = planColumnType(c.key);
    t.columns.push_back(col);
  }
  for (std::size_t i = 0; i < machineCount; ++i) {
    TableColumn col;
    col.key = schemaKey(prefix, machine[i].field);
    col.header = machine[i].header;
    col.width = machine[i].width;
    col.align = machine[i].align;
    col.type = machine[i].type;
    col.machine = true;
    t.columns.push_back(col);
  }
  return t;
}

// The group row: number in the number column when the table starts with it, the title
// in the cell where the merged range begins; the machine columns say "group" and the number.
template <class Row>
TableRow groupRow(const SheetTable& t, const Appendix<Row>& ap, const Group<Row>& g) {
  TableRow row;
  row.group = true;
  row.cells.resize(t.columns.size());
  const std::size_t printed = t.printedColumns();
  if (printed >= 2 && ap.columns[0].key == "number") {
    row.cells[0] = Cell::makeText(g.number);
    row.cells[1] = Cell::makeText(g.title);
  } else if (printed >= 1) {
    row.cells[0] = Cell::makeText(g.number.empty() ? g.title : g.number + " " + g.title);
  }
  row.cells[printed] = Cell::makeText("group");
  row.cells[printed + 1] = Cell::makeText(g.number);
  return row;
}

Cell indicatorCell(const Indicator& ind, const std::string& key) {
  std::string text = indicatorCellText(ind, key);
  if (text.empty()) return Cell{};
  // Targets keep their type: an exact number or percentage becomes a number.
  const bool singleTarget = key == "target" && !(ind.target.empty() && !ind.targets.empty());
  if (singleTarget || key.rfind("target:", 0) == 0) return targetCell(text);
  return Cell::makeText(text);
}

Cell taskCell(const Task& task, const std::string& key) {
  std::string text = taskCellText(task, key);
  return text.empty() ? Cell{} : Cell::makeText(text);
}

}  // namespace

std::string agencyCodes(const std::vector<AgencyRef>& refs) {
  std::vector<std::string> v;
  for (const auto& r : refs) v.push_back(r.code);
  return joinLines(v);
}

// Scales the plan's relative widths to the printed width, then widens a column whose
// longest word (header or cell) would otherwise break.
void sizeColumns(SheetTable& t) {
  const std::size_t printed = t.printedColumns();
  double total = 0;
  for (std::size_t c = 0; c < printed; ++c) total += t.columns[c].width;
  if (total <= 0) total = 1;
  const std::size_t ncols = t.columns.size();
  std::vector<double> scaled(ncols);
  for (std::size_t c = 0; c < ncols; ++c)
    scaled[c] = c < printed ? t.columns[c].width / total * kPrintedWidth : t.columns[c].width;
  // A column's minimum counts only up to kMaxMinimumWidth, and not at all where the scaled
  // width is at least that: such a column's cells (the long texts) are not measured.
  auto settled = [&](std::size_t c, double minimum) {
    return scaled[c] >= kMaxMinimumWidth || minimum >= kMaxMinimumWidth;
  };
  std::vector<double> minimum(ncols, 3.0);
  const FontMetrics header{12, true}, body{12, false};
  for (std::size_t c = 0; c < ncols; ++c)
    minimum[c] = std::max(minimum[c], longestWordUnits(t.columns[c].header, header) + 1.2);
  for (const auto& row : t.rows)
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (row.group && c < printed) continue;  // group rows span the table
      const Cell& cell = row.cells[c];
      if (cell.type == CellType::Text) {
        if (!settled(c, minimum[c])) minimum[c] = std::max(minimum[c], longestWordUnits(cell.text, body) + 1.2);
      } else if (cell.type == CellType::Number) {
        minimum[c] = std::max(minimum[c], 6.0);
      }
    }
  for (std::size_t c = printed; c < ncols; ++c)  // machine headers stay on one line
    minimum[c] = std::max(minimum[c], textWidthUnits(t.columns[c].header, header) + 1.2);
  for (std::size_t c = 0; c < ncols; ++c) {
    const double w = std::max(scaled[c], std::min(minimum[c], kMaxMinimumWidth));
    t.columns[c].width = std::round(w * 4) / 4;
  }
}

const std::vector<const char*>& indicatorMachineFields() {
  static const std::vector<const char*> v = [] {
    std::vector<const char*> r;
    for (const auto& m : kIndicatorMachine) r.push_back(m.field);
    return r;
  }();
  return v;
}

const std::vector<const char*>& taskMachineFields() {
  static const std::vector<const char*> v = [] {
    std::vector<const char*> r;
    for (const auto& m : kTaskMachine) r.push_back(m.field);
    return r;
  }();
  return v;
}

SheetTable buildIndicatorTable(const Plan& plan, const Appendix<Indicator>& ap, const DocTemplate& rules) {
  SheetTable t = startTable(ap, "indicators", "indicator", kIndicatorMachine, std::size(kIndicatorMachine));
  t.link = appendixLinkLine(plan.document, rules, ap.link, ap.linkOf, ap.linkDate);
  const std::size_t printed = ap.columns.size();
  for (const auto& g : ap.groups) {
    t.rows.push_back(groupRow(t, ap, g));
    ++t.groups;
    for (const auto& ind : g.items) {
      TableRow row;
      for (const auto& c : ap.columns) row.cells.push_back(indicatorCell(ind, c.key));
      row.cells.resize(t.columns.size());
      row.cells[printed + 0] = Cell::makeText("item");
      row.cells[printed + 1] = Cell::makeText(g.number);
      row.cells[printed + 2] = Cell::makeText(agencyCodes(ind.lead));
      row.cells[printed + 3] = Cell::makeText(agencyCodes(ind.partners));
      row.cells[printed + 4] = Cell::makeText(ind.key);
      t.rows.push_back(std::move(row));
      ++t.items;
    }
  }
  sizeColumns(t);
  return t;
}

SheetTable buildTaskTable(const Plan& plan, const Appendix<Task>& ap, const DocTemplate& rules) {
  SheetTable t = startTable(ap, "tasks", "task", kTaskMachine, std::size(kTaskMachine));
  t.link = appendixLinkLine(plan.document, rules, ap.link, ap.linkOf, ap.linkDate);
  const std::size_t printed = ap.columns.size();
  for (const auto& g : ap.groups) {
    t.rows.push_back(groupRow(t, ap, g));
    ++t.groups;
    for (const auto& task : g.items) {
      TableRow row;
      for (const auto& c : ap.columns) row.cells.push_back(taskCell(task, c.key));
      row.cells.resize(t.columns.size());
      const Deadline& d = task.deadline;
      Cell* m = &row.cells[printed];
      m[0] = Cell::makeText("item");
      m[1] = Cell::makeText(g.number);
      m[2] = Cell::makeText(agencyCodes(task.lead));
      m[3] = Cell::makeText(agencyCodes(task.partners));
      if (!d.text.empty()) m[4] = Cell::makeText(deadlineKindKey(d.kind));
      const bool exact = (d.kind == DeadlineKind::Exact || d.kind == DeadlineKind::Combined) && !d.impossible;
      if (exact) {
        m[5] = integerCell(d.year);
        int quarter = d.quarter ? d.quarter : (d.month ? (d.month + 2) / 3 : 0);
        m[6] = integerCell(quarter);
        m[7] = integerCell(d.month);
        if (auto last = d.lastDay()) m[8] = Cell::makeDate(*last);
      } else if (d.kind == DeadlineKind::Recurring && d.recurringMonth) {
        m[7] = integerCell(d.recurringMonth);
      }
      m[9] = Cell::makeText(task.key);
      t.rows.push_back(std::move(row));
      ++t.items;
    }
  }
  sizeColumns(t);
  return t;
}

std::vector<SheetTable> buildTables(const Plan& plan, const DocTemplate& rules) {
  std::vector<SheetTable> tables;
  std::vector<std::string> taken;
  if (plan.indicators) {
    tables.push_back(buildIndicatorTable(plan, *plan.indicators, rules));
    tables.back().sheetName = sheetNameFor(plan.indicators->label, "Phụ lục I", taken);
    taken.push_back(tables.back().sheetName);
  }
  if (plan.tasks) {
    tables.push_back(buildTaskTable(plan, *plan.tasks, rules));
    tables.back().sheetName = sheetNameFor(plan.tasks->label, plan.indicators ? "Phụ lục II" : "Phụ lục", taken);
    taken.push_back(tables.back().sheetName);
  }
  return tables;
}

}  // namespace vnplan::xlsx
