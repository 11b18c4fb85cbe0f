#include "render/xlsx/report_tables.hpp"

#include <algorithm>
#include <cmath>

#include "model/text.hpp"
#include "render/xlsx/column_keys.hpp"
#include "render/xlsx/table_builder.hpp"

namespace vnplan::xlsx {

namespace {

struct ColumnSpec {
  const char* key;
  const char* header;
  double width;  // printed: relative; machine: units
  Align align;
  ValueType type;
  bool machine;
};

// Printed columns first (relative widths, as the PDF's appendix), then machine columns.
const ColumnSpec kTaskColumns[] = {
    {"task.number", "TT", 4, Align::Center, ValueType::Text, false},
    {"task.name", "Nhiệm vụ", 36, Align::Left, ValueType::Text, false},
    {"task.lead", "Cơ quan chủ trì", 13, Align::Left, ValueType::Text, false},
    {"task.deadline", "Thời hạn", 9, Align::Center, ValueType::Text, false},
    {"task.status", "Tình trạng", 10, Align::Center, ValueType::Text, false},
    {"task.completed", "Ngày hoàn thành", 9, Align::Center, ValueType::Date, false},
    {"task.result", "Kết quả", 20, Align::Left, ValueType::Text, false},
    {"task.documents", "Văn bản", 13, Align::Left, ValueType::Text, false},
    {"task.difficulties", "Khó khăn, vướng mắc, lý do", 12, Align::Left, ValueType::Text, false},
    {"task.row", "Loại dòng", 9, Align::Center, ValueType::Text, true},
    {"task.group", "Nhóm", 7, Align::Center, ValueType::Text, true},
    {"task.status.key", "Mã tình trạng", 14, Align::Left, ValueType::Text, true},
    {"task.deadline.due", "Hạn cuối", 12, Align::Center, ValueType::Date, true},
    {"task.days_late", "Số ngày chậm", 9, Align::Center, ValueType::Integer, true},
    {"task.lead.codes", "Mã chủ trì", 11, Align::Left, ValueType::Text, true},
};
constexpr int kTaskStatusCol = 4;

const ColumnSpec kIndicatorColumns[] = {
    {"indicator.number", "TT", 4, Align::Center, ValueType::Text, false},
    {"indicator.name", "Chỉ tiêu", 30, Align::Left, ValueType::Text, false},
    {"indicator.unit", "Đơn vị tính", 7, Align::Center, ValueType::Text, false},
    {"indicator.target", "Chỉ tiêu kế hoạch", 12, Align::Center, ValueType::Text, false},
    {"indicator.value", "Kết quả đạt được", 12, Align::Center, ValueType::Text, false},
    {"indicator.target.number", "Chỉ tiêu (số)", 8, Align::Center, ValueType::Number, false},
    {"indicator.value.number", "Kết quả (số)", 8, Align::Center, ValueType::Number, false},
    {"indicator.ratio", "Tỷ lệ đạt", 8, Align::Center, ValueType::Number, false},
    {"indicator.verdict", "Đánh giá", 10, Align::Center, ValueType::Text, false},
    {"indicator.note", "Ghi chú", 13, Align::Left, ValueType::Text, false},
    {"indicator.row", "Loại dòng", 9, Align::Center, ValueType::Text, true},
    {"indicator.group", "Nhóm", 7, Align::Center, ValueType::Text, true},
    {"indicator.direction", "Hướng", 8, Align::Center, ValueType::Text, true},
    {"indicator.value.bound", "Giá trị là cận", 13, Align::Center, ValueType::Text, true},
    {"indicator.kind", "Loại so sánh", 14, Align::Left, ValueType::Text, true},
    {"indicator.milestone", "Mốc", 7, Align::Center, ValueType::Integer, true},
    {"indicator.as_of", "Ngày số liệu", 12, Align::Center, ValueType::Date, true},
};
constexpr IndicatorFormulaColumns kIndicatorFormula{5, 6, 7, 8, 12, 13};

template <std::size_t N>
SheetTable startTable(const char* id, const char* prefix, const ColumnSpec (&spec)[N], const std::string& label,
                      const std::string& title, const std::string& link) {
  SheetTable t;
  t.id = id;
  t.prefix = prefix;
  t.label = label;
  t.title = title;
  t.link = link;
  for (const auto& s : spec) {
    TableColumn c;
    c.key = s.key;
    c.header = s.header;
    c.width = s.width;
    c.align = s.align;
    c.type = s.type;
    c.machine = s.machine;
    t.columns.push_back(c);
  }
  return t;
}

// A group row: number and title (merged by the writer), "group" and the number in the machine columns.
TableRow groupRow(const SheetTable& t, const std::string& number, const std::string& title) {
  TableRow r;
  r.group = true;
  r.cells.resize(t.columns.size());
  r.cells[0] = Cell::makeText(number);
  r.cells[1] = Cell::makeText(title);
  const std::size_t printed = t.printedColumns();
  r.cells[printed] = Cell::makeText("group");
  r.cells[printed + 1] = Cell::makeText(number);
  return r;
}

std::string joinLines(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts)
    if (!p.empty()) s += (s.empty() ? "" : "\n") + p;
  return s;
}

// Decimals needed to show `v` exactly (at most 3).
int decimalsOf(double v) {
  for (int d = 0; d < 3; ++d) {
    double scaled = v * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-9 * std::max(1.0, std::fabs(scaled))) return d;
  }
  return 3;
}

// A number as written: "#,##0" with the decimals it needs; a "%" shown (not applied) when
// the text had one, since the compared numbers are the numbers as written (85% -> 85).
Cell writtenNumber(double v, bool percent) {
  int d = decimalsOf(v);
  std::string fmt = d ? "#,##0." + std::string(static_cast<std::size_t>(d), '0') : "#,##0";
  if (percent) fmt += "\"%\"";
  return Cell::makeNumber(v, fmt);
}

// A date ("20/05/2025") must fit on one line, or a spreadsheet shows "###".
void widenDateColumns(SheetTable& t) {
  for (auto& c : t.columns)
    if (c.type == ValueType::Date) c.width = std::max(c.width, 11.5);
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

double roundedShare(double percent) { return std::round(percent * 10) / 10 / 100; }

std::vector<ReportFigure> reportFigureList(const Plan& plan, const ReportFigures& f) {
  std::vector<ReportFigure> v;
  auto count = [&](const char* key, const char* name, int n) { v.push_back({key, name, double(n), false}); };
  auto share = [&](const char* key, const char* name, double p) { v.push_back({key, name, roundedShare(p), true}); };
  if (plan.tasks && f.tasks.total > 0) {  // the prose's has_tasks
    const TaskFigures& t = f.tasks;
    count("tasks.total", "Tổng số nhiệm vụ của Kế hoạch", t.total);
    count("tasks.done", "Nhiệm vụ đã hoàn thành", t.done);
    share("tasks.done_pct", "Tỷ lệ nhiệm vụ đã hoàn thành", t.donePercent);
    count("tasks.done_on_time", "Trong đó: hoàn thành đúng hạn", t.doneOnTime);
    count("tasks.done_late", "Trong đó: hoàn thành chậm", t.doneLate);
    count("tasks.in_progress", "Nhiệm vụ đang thực hiện", t.inProgress);
    count("tasks.not_started", "Nhiệm vụ chưa thực hiện", t.notStarted);
    count("tasks.overdue", "Nhiệm vụ quá hạn", t.overdue);
    share("tasks.overdue_pct", "Tỷ lệ nhiệm vụ quá hạn", t.overduePercent);
    count("tasks.recurring", "Nhiệm vụ thực hiện thường xuyên, hằng năm", t.recurring);
    count("tasks.waiting", "Nhiệm vụ chờ điều kiện triển khai", t.waiting);
    count("tasks.stopped", "Nhiệm vụ dừng, điều chỉnh", t.stopped);
    count("tasks.not_reported", "Nhiệm vụ chưa có báo cáo", t.notReported);
  }
  if (plan.indicators && f.indicators.total > 0) {  // the prose's has_indicators
    const IndicatorFigures& i = f.indicators;
    count("indicators.total", "Tổng số chỉ tiêu của Kế hoạch", i.total);
    count("indicators.met", "Chỉ tiêu đã đạt", i.met);
    share("indicators.met_pct", "Tỷ lệ chỉ tiêu đã đạt", i.metPercent);
    count("indicators.not_met", "Chỉ tiêu chưa đạt", i.notMet);
    count("indicators.not_comparable", "Chỉ tiêu chưa so sánh được", i.notComparable);
    count("indicators.no_data", "Chỉ tiêu chưa có số liệu", i.noData);
  }
  return v;
}

SheetTable buildFigureTable(const std::vector<ReportFigure>& figures) {
  static const ColumnSpec kFigureColumns[] = {
      {"figure.number", "TT", 5, Align::Center, ValueType::Integer, false},
      {"figure.name", "Nội dung", 40, Align::Left, ValueType::Text, false},
      {"figure.value", "Số liệu", 11, Align::Center, ValueType::Number, false},
      {"figure.key", "Khóa", 22, Align::Left, ValueType::Text, true},
  };
  SheetTable t = startTable("figures", "figure", kFigureColumns, "", "", "");
  int n = 0;
  for (const auto& f : figures) {
    TableRow r;
    r.cells = {Cell::makeNumber(++n, "0"), Cell::makeText(f.name), Cell::makeNumber(f.value, f.percent ? "0.0%" : "0"),
               Cell::makeText(f.key)};
    t.rows.push_back(std::move(r));
    ++t.items;
  }
  return t;
}

Document reportDocument(const Plan& plan, const ProgressReport& report) {
  Document d = plan.document;
  d.type = "BC";
  // The report's own number, date and place (the `report:` section; blanks while a draft,
  // the month and year of the figures without a date), as the PDF prints them.
  d.number = report.document.number;
  d.date = report.document.date.year ? report.document.date : PartialDate{0, report.asOf.month, report.asOf.year};
  if (!report.document.place.empty()) d.place = report.document.place;
  return d;
}

SheetTable buildReportTaskTable(const Plan& plan, const TaskStatusSummary& tasks, const std::string& label,
                                const std::string& link) {
  SheetTable t = startTable("tasks", "task", kTaskColumns, label, "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ", link);
  const std::size_t printed = t.printedColumns();
  std::size_t group = static_cast<std::size_t>(-1);
  std::string groupNumber;
  for (const auto& e : tasks.tasks) {
    if (e.group != group && plan.tasks && e.group < plan.tasks->groups.size()) {
      group = e.group;
      const auto& g = plan.tasks->groups[group];
      groupNumber = g.number;
      t.rows.push_back(groupRow(t, g.number, g.title));
      ++t.groups;
    }
    const Task& task = *e.task;
    TableRow r;
    r.cells.resize(t.columns.size());
    r.cells[0] = Cell::makeText(task.number);
    r.cells[1] = Cell::makeText(task.name);
    r.cells[2] = Cell::makeText(agencyNames(task.lead));
    r.cells[3] = Cell::makeText(task.deadline.text);
    r.cells[4] = Cell::makeText(taskStatusLabel(e.status, Lang::Vi));
    if (const TaskProgress* p = e.progress) {
      if (p->completed) r.cells[5] = Cell::makeDate(*p->completed);
      r.cells[6] = Cell::makeText(p->result);
      r.cells[7] = Cell::makeText(joinLines(p->documents));
      r.cells[8] = Cell::makeText(joinLines({p->difficulties, p->reason.empty() ? "" : "Lý do: " + p->reason}));
    }
    Cell* m = &r.cells[printed];
    m[0] = Cell::makeText("item");
    m[1] = Cell::makeText(groupNumber);
    m[2] = Cell::makeText(taskStatusKey(e.status));
    if (e.deadline) m[3] = Cell::makeDate(*e.deadline);
    if (e.daysLate) m[4] = Cell::makeNumber(static_cast<double>(e.daysLate), "0");
    m[5] = Cell::makeText(agencyCodes(task.lead));
    t.rows.push_back(std::move(r));
    ++t.items;
  }
  sizeColumns(t);
  widenDateColumns(t);
  return t;
}

SheetTable buildReportIndicatorTable(const Plan& plan, const IndicatorSummary& indicators, const std::string& label,
                                     const std::string& link) {
  SheetTable t = startTable("indicators", "indicator", kIndicatorColumns, label, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", link);
  const std::size_t printed = t.printedColumns();
  const IndicatorFormulaColumns fc = kIndicatorFormula;
  std::size_t group = static_cast<std::size_t>(-1);
  std::string groupNumber;
  for (const auto& e : indicators.indicators) {
    if (e.group != group && plan.indicators && e.group < plan.indicators->groups.size()) {
      group = e.group;
      const auto& g = plan.indicators->groups[group];
      groupNumber = g.number;
      t.rows.push_back(groupRow(t, g.number, g.title));
      ++t.groups;
    }
    const Indicator& ind = *e.indicator;
    const Achievement& a = e.achievement;
    TableRow r;
    r.cells.resize(t.columns.size());
    r.cells[0] = Cell::makeText(ind.number);
    r.cells[1] = Cell::makeText(ind.name);
    r.cells[2] = Cell::makeText(ind.unit);
    r.cells[3] = Cell::makeText(a.target);
    r.cells[4] = Cell::makeText(a.value);
    const bool numeric = a.kind == AchievementKind::Numeric;
    if (numeric && a.targetNumber) r.cells[fc.targetNumber] = writtenNumber(*a.targetNumber, a.targetPercent);
    if (numeric && a.valueNumber) r.cells[fc.valueNumber] = writtenNumber(*a.valueNumber, a.valuePercent);
    if (a.ratio) r.cells[fc.ratio] = Cell::makeNumber(*a.ratio, "0.0%");
    r.cells[fc.verdict] = Cell::makeText(achievementLabel(a, Lang::Vi));
    r.cells[9] = Cell::makeText(e.progress ? e.progress->note : "");
    Cell* m = &r.cells[printed];
    m[0] = Cell::makeText("item");
    m[1] = Cell::makeText(groupNumber);
    if (numeric) {
      r.cells[fc.direction] = Cell::makeText(directionSymbol(a.direction));
      if (auto bound = parseValue(a.value).bound) r.cells[fc.bound] = Cell::makeText(directionSymbol(*bound));
    }
    m[4] = Cell::makeText(achievementKindKey(a.kind));
    if (a.milestoneYear) m[5] = Cell::makeNumber(a.milestoneYear, "0");
    if (e.progress) m[6] = Cell::makeDate(e.asOf);
    t.rows.push_back(std::move(r));
    ++t.items;
  }
  sizeColumns(t);
  widenDateColumns(t);
  return t;
}

IndicatorFormulaColumns indicatorFormulaColumns() { return kIndicatorFormula; }

std::string ratioFormula(int row) {
  const auto& c = kIndicatorFormula;
  const std::string n = std::to_string(row + 1);
  const std::string T = columnLetters(c.targetNumber) + n, V = columnLetters(c.valueNumber) + n,
                    D = columnLetters(c.direction) + n, B = columnLetters(c.bound) + n;
  return "=IF(AND(ISNUMBER(" + T + "),ISNUMBER(" + V + ")," + T + ">0,OR(" + D + "=\"≥\"," + D + "=\">\")," + B +
         "=\"\")," + V + "/" + T + ",\"\")";
}

std::string verdictFormula(int row, const std::string& fallback) {
  const auto& c = kIndicatorFormula;
  const std::string n = std::to_string(row + 1);
  const std::string T = columnLetters(c.targetNumber) + n, V = columnLetters(c.valueNumber) + n,
                    D = columnLetters(c.direction) + n;
  return "=IF(AND(ISNUMBER(" + T + "),ISNUMBER(" + V + ")),IF(OR(AND(" + D + "=\"≥\"," + V + ">=" + T + "),AND(" + D +
         "=\">\"," + V + ">" + T + "),AND(" + D + "=\"≤\"," + V + "<=" + T + "),AND(" + D + "=\"<\"," + V + "<" + T +
         ")),\"Đạt\",\"Chưa đạt\")," + quoted(fallback) + ")";
}

std::string verdictFallback(const Achievement& a) {
  if (a.kind == AchievementKind::Numeric) {
    Achievement none;
    none.kind = AchievementKind::NotComparable;
    return achievementLabel(none, Lang::Vi);
  }
  return achievementLabel(a, Lang::Vi);
}

int taskStatusColumn() { return kTaskStatusCol; }

std::vector<std::string> taskStatusLabels() {
  std::vector<std::string> v;
  for (TaskStatus s : kAllTaskStatuses) v.push_back(taskStatusLabel(s, Lang::Vi));
  return v;
}

}  // namespace vnplan::xlsx
