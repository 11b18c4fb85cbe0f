#include "render/xlsx/report_sheets.hpp"

#include <algorithm>
#include <stdexcept>

#include "render/xlsx/column_keys.hpp"
#include "render/xlsx/report_tables.hpp"
#include "render/xlsx/schema.hpp"
#include "render/xlsx/sheet_writer.hpp"
#include "render/xlsx/text_metrics.hpp"
#include "render/xlsx/xlsx_error.hpp"

namespace vnplan::xlsx {

namespace {

constexpr double kInch = 25.4;  // mm

// The group table: what each count column shows, and the chart's series (the PDF chart's
// order and colours: done, in progress, not started, overdue, recurring, waiting, stopped,
// not reported).
struct GroupColumn {
  const char* header;
  int (*count)(const TaskFigures&);
  bool charted;
  std::uint32_t color;
};

const GroupColumn kGroupCounts[] = {
    {"Tổng số", [](const TaskFigures& x) { return x.total; }, false, 0},
    {"Hoàn thành", [](const TaskFigures& x) { return x.done; }, true, 0x2E7D32},
    {"Trong đó: đúng hạn", [](const TaskFigures& x) { return x.doneOnTime; }, false, 0},
    {"Trong đó: chậm", [](const TaskFigures& x) { return x.doneLate; }, false, 0},
    {"Đang thực hiện", [](const TaskFigures& x) { return x.inProgress; }, true, 0x1565C0},
    {"Chưa thực hiện", [](const TaskFigures& x) { return x.notStarted; }, true, 0x9E9E9E},
    {"Quá hạn", [](const TaskFigures& x) { return x.overdue; }, true, 0xC62828},
    {"Thường xuyên", [](const TaskFigures& x) { return x.recurring; }, true, 0x00897B},
    {"Chờ điều kiện", [](const TaskFigures& x) { return x.waiting; }, true, 0xF9A825},
    {"Dừng/điều chỉnh", [](const TaskFigures& x) { return x.stopped; }, true, 0x424242},
    {"Chưa báo cáo", [](const TaskFigures& x) { return x.notReported; }, true, 0xBDBDBD},
};
constexpr int kGroupCountCols = static_cast<int>(std::size(kGroupCounts));
constexpr int kGroupCols = 2 + kGroupCountCols + 1;  // TT, title, counts, done %

// Column D holds the figures' keys (machine column, hidden); the group table skips it:
// Tổng số in C, the other counts from E, the done share last.
constexpr int kKeyCol = 3;
constexpr int groupCountCol(int i) { return i == 0 ? 2 : kKeyCol + i; }
constexpr int kGroupPercentCol = kKeyCol + kGroupCountCols;
// Sheet column of the group table's i-th header (groupTableHeaders()).
constexpr int groupHeaderCol(int i) { return i < 2 ? i : i < 2 + kGroupCountCols ? groupCountCol(i - 2) : kGroupPercentCol; }

// Column widths of the summary sheet; the figures table uses the first four.
constexpr double kTtWidth = 5, kTitleWidth = 34, kCountWidth = 9, kPercentWidth = 10;

void text(ooxml::Worksheet& ws, std::string_view sheet, int row, int col, const std::string& s, ooxml::Format* f) {
  ws.writeString(row, col, checkedText(s, CellRef{sheet, row, col}), f);
}

void mergedText(ooxml::Worksheet& ws, std::string_view sheet, int row, int lastCol, const std::string& s, ooxml::Format* f) {
  const CellRef w{sheet, row, 0};
  if (lastCol > 0)
    ws.mergeRange(row, 0, row, lastCol, checkedText(s, w), f);
  else
    ws.writeString(row, 0, checkedText(s, w), f);
}

void rowHeight(ooxml::Worksheet& ws, int row, int lines, const FontMetrics& m) {
  ws.setRow(row, rowHeightPoints(std::max(lines, 1), m));
}

void printSetup(ooxml::Worksheet& ws) {
  ws.setPaper(9);
  ws.setLandscape();
  ws.fitToPages(1, 0);
  ws.setMargins(15 / kInch, 15 / kInch, 15 / kInch, 15 / kInch);
  ws.centerHorizontally();
  ws.setFooter("&C&\"Times New Roman,Regular\"&11&P/&N", 7 / kInch);
}

ooxml::ChartFont chartFont(double size, bool bold) {
  ooxml::ChartFont f;
  f.name = kFontName;
  f.size = size;
  f.bold = bold;
  return f;
}

void insertStatusChart(ooxml::Workbook& wb, ooxml::Worksheet& ws, const std::string& sheet, const GroupTablePosition& g,
                       int atRow, const TaskFigures& total) {
  ooxml::Chart& chart = wb.addChart(ooxml::Chart::Type::ColumnStacked);
  const int lastGroup = g.lastRow - 1;  // without the total row
  for (int i = 0; i < kGroupCountCols; ++i) {
    // The legend lists only the statuses that occur, as in the PDF.
    if (!kGroupCounts[i].charted || kGroupCounts[i].count(total) == 0) continue;
    const int col = groupCountCol(i);
    ooxml::ChartSeries& series = chart.addSeries();
    series.sheet = sheet;
    series.categories = ooxml::CellRange{g.firstRow, 0, lastGroup, 0};
    series.values = ooxml::CellRange{g.firstRow, col, lastGroup, col};
    series.nameRow = g.headerRow;
    series.nameCol = col;
    series.fillColor = kGroupCounts[i].color;
  }
  chart.title = "Tình trạng thực hiện nhiệm vụ theo nhóm";
  chart.titleFont = chartFont(13, true);
  chart.xAxis.numFont = chartFont(11, false);
  chart.yAxis.numFont = chartFont(11, false);
  chart.xAxis.name = "Nhóm nhiệm vụ";
  chart.yAxis.name = "Số nhiệm vụ";
  chart.xAxis.nameFont = chartFont(11, false);
  chart.yAxis.nameFont = chartFont(11, false);
  chart.yAxis.numFormat = "0";
  chart.yAxis.minimum = 0;
  chart.legendPosition = ooxml::Chart::LegendPosition::Bottom;
  chart.legendFont = chartFont(11, false);
  chart.seriesGap = 60;

  ooxml::ChartPlacement placement;
  placement.row = atRow;
  placement.col = 1;
  placement.xOffset = 8;
  placement.yOffset = 4;
  placement.xScale = 1.9;  // 480 px -> 912 px
  placement.yScale = 1.5;  // 288 px -> 432 px
  placement.anchor = ooxml::ChartPlacement::Anchor::MoveDontSize;
  placement.chart = &chart;
  ws.insertChart(placement);
}

}  // namespace

const std::vector<std::string>& groupTableHeaders() {
  static const std::vector<std::string> v = [] {
    std::vector<std::string> r{"TT", "Nhóm nhiệm vụ"};
    for (const auto& c : kGroupCounts) r.push_back(c.header);
    r.push_back("Tỷ lệ hoàn thành");
    return r;
  }();
  return v;
}

GroupTablePosition writeSummarySheet(ooxml::Workbook& wb, ooxml::Worksheet& ws, Formats& fmt, const SheetTable& figures,
                                     const SummaryHeadings& h, const ReportFigures& f, bool withGroups) {
  const std::string& sheet = figures.sheetName;
  const FontMetrics body{kBodySize}, bold{kBodySize, true}, italic{kBodySize, false, true}, titleFont{kTitleSize, true};

  // Widths: the figures table's TT, Nội dung, Số liệu, Khóa share columns A:D with the group
  // table's TT, title, Tổng số and Hoàn thành.
  double keyWidth = 10;
  for (const auto& r : figures.rows) keyWidth = std::max(keyWidth, textWidthUnits(r.cells[3].text, body) + 1.5);
  std::vector<double> widths = {kTtWidth, kTitleWidth + 6, 11, keyWidth};
  if (withGroups) {
    for (int c = kKeyCol + 1; c < kGroupPercentCol; ++c) widths.push_back(kCountWidth);
    widths.push_back(kPercentWidth);
  }
  // The keys are for programs (defined names, _meta): hidden, never printed.
  for (int c = 0; c < static_cast<int>(widths.size()); ++c) ws.setColumn(c, c, widths[c], nullptr, c == kKeyCol);
  const int lastCol = withGroups ? kGroupPercentCol : 2;  // printed columns
  double printedWidth = 0;
  for (int c = 0; c <= lastCol; ++c)
    if (c != kKeyCol) printedWidth += widths[c];

  auto heading = [&](int row, const std::string& s, ooxml::Format* fm, const FontMetrics& m) {
    mergedText(ws, sheet, row, lastCol, s, fm);
    rowHeight(ws, row, wrappedLines(s, printedWidth, m), m);
  };
  heading(kLabelRow, h.label, fmt.label, bold);
  heading(kTitleRow, h.title, fmt.title, titleFont);
  heading(kLinkRow, h.link, fmt.link, italic);
  heading(kHeaderRow - 1, h.dataLine, fmt.link, italic);

  // The figures table.
  int headerLines = 1;
  for (int c = 0; c < 4; ++c) {
    const TableColumn& col = figures.columns[c];
    text(ws, sheet, kHeaderRow, c, col.header, col.machine ? fmt.machineHeader : fmt.header);
    headerLines = std::max(headerLines, wrappedLines(col.header, widths[c], bold));
  }
  rowHeight(ws, kHeaderRow, headerLines, bold);
  int row = kFirstBodyRow;
  for (const auto& r : figures.rows) {
    ws.writeNumber(row, 0, r.cells[0].number, fmt.body(Align::Center, false, "0"));
    text(ws, sheet, row, 1, r.cells[1].text, fmt.body(Align::Left));
    ws.writeNumber(row, 2, r.cells[2].number, fmt.body(Align::Center, false, r.cells[2].numFormat));
    text(ws, sheet, row, 3, r.cells[3].text, fmt.body(Align::Left));
    rowHeight(ws, row, wrappedLines(r.cells[1].text, widths[1], body), body);
    // Each figure's key names its value cell: =tasks.done_pct in a formula.
    const std::string& key = r.cells[3].text;
    if (isValidDefinedName(key)) {
      std::string ref = "=";  // appended: GCC 12 -O3 -Wrestrict false positive on "=" + string
      ref += absoluteRange(sheet, row, 2, row, 2);
      wb.defineName(key, ref);
    }
    ++row;
  }
  if (!figures.rows.empty()) {
    for (int c = 0; c < 4; ++c) {
      std::string ref = "=";  // appended: GCC 12 -O3 -Wrestrict false positive on "=" + string
      ref += absoluteRange(sheet, kFirstBodyRow, c, row - 1, c);
      wb.defineName(figures.columns[c].key, ref);
    }
  }
  int lastPrinted = std::max(row - 1, kHeaderRow);

  GroupTablePosition g;
  if (withGroups && !f.groups.empty()) {
    row += 1;
    // The section heading is not a table cell: bold, left, no border.
    ooxml::Format* section = wb.addFormat();
    section->fontName = kFontName;
    section->fontSize = kBodySize;
    section->bold = true;
    section->valign = ooxml::VAlign::Center;
    heading(row, "Kết quả thực hiện nhiệm vụ theo nhóm", section, bold);
    ++row;
    g.present = true;
    g.headerRow = row;
    const auto& headers = groupTableHeaders();
    headerLines = 1;
    for (int c = 0; c < kGroupCols; ++c) {
      text(ws, sheet, row, groupHeaderCol(c), headers[c], fmt.header);
      headerLines = std::max(headerLines, wrappedLines(headers[c], widths[groupHeaderCol(c)], bold));
    }
    rowHeight(ws, row, headerLines, bold);
    ++row;
    g.firstRow = row;
    auto tableRow = [&](const std::string& number, const std::string& title, const TaskFigures& x, bool isTotal) {
      text(ws, sheet, row, 0, number, fmt.body(Align::Center, isTotal));
      text(ws, sheet, row, 1, title, fmt.body(Align::Left, isTotal));
      for (int i = 0; i < kGroupCountCols; ++i)
        ws.writeNumber(row, groupCountCol(i), kGroupCounts[i].count(x), fmt.body(Align::Center, isTotal, "0"));
      ws.writeNumber(row, kGroupPercentCol, roundedShare(x.donePercent), fmt.body(Align::Center, isTotal, "0.0%"));
      rowHeight(ws, row, wrappedLines(title, widths[1], isTotal ? bold : body), isTotal ? bold : body);
      ++row;
    };
    for (const auto& gr : f.groups) {
      std::string number = gr.number;  // "II", not "II." (as the PDF's table)
      while (!number.empty() && number.back() == '.') number.pop_back();
      tableRow(number, gr.title, gr.tasks, false);
    }
    tableRow("", "Tổng cộng", f.tasks, true);
    g.lastRow = row - 1;
    row += 1;
    // The chart starts a page, so that a page break never cuts it.
    ws.setRowBreaks({row});
    insertStatusChart(wb, ws, sheet, g, row, f.tasks);
    lastPrinted = row + 23;  // the chart: 432 px of 20 px rows, and a margin
  }

  printSetup(ws);
  ws.printArea(0, 0, lastPrinted, lastCol);
  return g;
}

static void hideMachineColumns(ooxml::Worksheet& ws, const SheetTable& t) {
  for (std::size_t c = t.printedColumns(); c < t.columns.size(); ++c) {
    const int col = static_cast<int>(c);
    ws.setColumn(col, col, t.columns[c].width, nullptr, /*hidden=*/true);
  }
}

void writeReportTaskSheet(ooxml::Workbook& wb, ooxml::Worksheet& ws, Formats& fmt, const SheetTable& t,
                          const std::string& statusListRef) {
  writeAppendixSheet(wb, ws, fmt, t);
  hideMachineColumns(ws, t);
  const int col = taskStatusColumn();
  const int last = lastBodyRow(t);
  if (last < kFirstBodyRow) return;

  // The status is chosen from the list of labels, on each run of item rows between group rows.
  ooxml::DataValidation v;
  v.type = ooxml::DataValidation::Type::ListFormula;
  v.formula = statusListRef;
  v.errorType = ooxml::DataValidation::ErrorType::Stop;
  v.errorTitle = "Tình trạng";
  v.errorMessage = "Chọn một tình trạng trong danh sách.";
  int runStart = -1;
  for (int i = 0; i <= static_cast<int>(t.rows.size()); ++i) {
    const bool item = i < static_cast<int>(t.rows.size()) && !t.rows[i].group;
    if (item && runStart < 0) runStart = i;
    if (!item && runStart >= 0) {
      ws.dataValidation(kFirstBodyRow + runStart, col, kFirstBodyRow + i - 1, col, v);
      runStart = -1;
    }
  }

  // Overdue red, done (on time or late) green.
  ooxml::Format* red = wb.addFormat();
  red->bgColor = 0xFFC7CE;
  red->fontColor = 0x9C0006;
  ooxml::Format* green = wb.addFormat();
  green->bgColor = 0xC6EFCE;
  green->fontColor = 0x006100;
  const std::pair<TaskStatus, ooxml::Format*> rules[] = {
      {TaskStatus::Overdue, red}, {TaskStatus::DoneOnTime, green}, {TaskStatus::DoneLate, green}};
  for (const auto& [status, format] : rules) {
    std::string value = "\"";  // appended: GCC 12 -O3 -Wrestrict false positive on "\"" + string
    value += taskStatusLabel(status, Lang::Vi);
    value += '"';
    ws.conditionalFormat(kFirstBodyRow, col, last, col, value, format);
  }
}

void writeReportIndicatorSheet(ooxml::Workbook& wb, ooxml::Worksheet& ws, Formats& fmt, const SheetTable& t,
                               const std::vector<const Achievement*>& achievements) {
  writeAppendixSheet(wb, ws, fmt, t);
  hideMachineColumns(ws, t);
  const IndicatorFormulaColumns fc = indicatorFormulaColumns();
  std::size_t item = 0;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const TableRow& r = t.rows[i];
    if (r.group) continue;
    if (item >= achievements.size()) throw std::runtime_error("indicator rows and achievements differ");
    const Achievement& a = *achievements[item++];
    const int row = kFirstBodyRow + static_cast<int>(i);
    const std::string ratio = ratioFormula(row);
    ooxml::Format* ratioFmt = fmt.body(t.columns[fc.ratio].align, false, "0.0%");
    if (r.cells[fc.ratio].type == CellType::Number)
      ws.writeFormula(row, fc.ratio, ratio, ratioFmt, r.cells[fc.ratio].number);
    else
      ws.writeFormula(row, fc.ratio, ratio, ratioFmt, std::string_view());
    const std::string verdict = verdictFormula(row, verdictFallback(a));
    ws.writeFormula(row, fc.verdict, checkedText(verdict, "verdict formula", 8192), fmt.body(t.columns[fc.verdict].align),
                    std::string_view(r.cells[fc.verdict].text));
  }
}

}  // namespace vnplan::xlsx
