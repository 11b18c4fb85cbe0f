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
  lxw_color_t color;
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

void text(lxw_worksheet* ws, std::string_view sheet, int row, int col, const std::string& s, lxw_format* f) {
  CellRef w{sheet, row, col};
  check(worksheet_write_string(ws, row, col, checkedText(s, w), f), w);
}

void mergedText(lxw_worksheet* ws, std::string_view sheet, int row, int lastCol, const std::string& s, lxw_format* f) {
  CellRef w{sheet, row, 0};
  if (lastCol > 0)
    check(worksheet_merge_range(ws, row, 0, row, lastCol, checkedText(s, w), f), w);
  else
    check(worksheet_write_string(ws, row, 0, checkedText(s, w), f), w);
}

void rowHeight(lxw_worksheet* ws, int row, int lines, const FontMetrics& m) {
  check(worksheet_set_row(ws, row, rowHeightPoints(std::max(lines, 1), m), nullptr), "row height");
}

void printSetup(lxw_worksheet* ws) {
  worksheet_set_paper(ws, 9);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_margins(ws, 15 / kInch, 15 / kInch, 15 / kInch, 15 / kInch);
  worksheet_center_horizontally(ws);
  lxw_header_footer_options hf{};
  hf.margin = 7 / kInch;
  check(worksheet_set_footer_opt(ws, "&C&\"Times New Roman,Regular\"&11&P/&N", &hf), "page footer");
}

lxw_chart_font chartFont(double size, bool bold) {
  lxw_chart_font f{};
  f.name = const_cast<char*>(kFontName);
  f.size = size;
  f.bold = bold ? LXW_TRUE : LXW_FALSE;
  return f;
}

void insertStatusChart(lxw_workbook* wb, lxw_worksheet* ws, const std::string& sheet, const GroupTablePosition& g,
                       int atRow, const TaskFigures& total) {
  lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN_STACKED);
  if (!chart) throw std::runtime_error("cannot add chart");
  const char* s = sheet.c_str();
  const int lastGroup = g.lastRow - 1;  // without the total row
  for (int i = 0; i < kGroupCountCols; ++i) {
    // The legend lists only the statuses that occur, as in the PDF.
    if (!kGroupCounts[i].charted || kGroupCounts[i].count(total) == 0) continue;
    const int col = groupCountCol(i);
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    if (!series) throw std::runtime_error("cannot add chart series");
    chart_series_set_categories(series, s, g.firstRow, 0, lastGroup, 0);
    chart_series_set_values(series, s, g.firstRow, col, lastGroup, col);
    chart_series_set_name_range(series, s, g.headerRow, col);
    lxw_chart_fill fill{};
    fill.color = kGroupCounts[i].color;
    chart_series_set_fill(series, &fill);
  }
  chart_title_set_name(chart, "Tình trạng thực hiện nhiệm vụ theo nhóm");
  lxw_chart_font title = chartFont(13, true), axis = chartFont(11, false), legend = chartFont(11, false);
  chart_title_set_name_font(chart, &title);
  chart_axis_set_num_font(chart->x_axis, &axis);
  chart_axis_set_num_font(chart->y_axis, &axis);
  chart_axis_set_name(chart->x_axis, "Nhóm nhiệm vụ");
  chart_axis_set_name(chart->y_axis, "Số nhiệm vụ");
  lxw_chart_font axisName = chartFont(11, false);
  chart_axis_set_name_font(chart->x_axis, &axisName);
  chart_axis_set_name_font(chart->y_axis, &axisName);
  chart_axis_set_num_format(chart->y_axis, "0");
  chart_axis_set_min(chart->y_axis, 0);
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  chart_legend_set_font(chart, &legend);
  chart_set_series_gap(chart, 60);

  lxw_chart_options opt{};
  opt.x_offset = 8;
  opt.y_offset = 4;
  opt.x_scale = 1.9;  // 480 px -> 912 px
  opt.y_scale = 1.5;  // 288 px -> 432 px
  opt.object_position = LXW_OBJECT_MOVE_DONT_SIZE;
  check(worksheet_insert_chart_opt(ws, atRow, 1, chart, &opt), "chart");
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

GroupTablePosition writeSummarySheet(lxw_workbook* wb, lxw_worksheet* ws, Formats& fmt, const SheetTable& figures,
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
  lxw_row_col_options hidden{};
  hidden.hidden = LXW_TRUE;
  for (int c = 0; c < static_cast<int>(widths.size()); ++c)
    check(worksheet_set_column_opt(ws, c, c, widths[c], nullptr, c == kKeyCol ? &hidden : nullptr), "column width");
  const int lastCol = withGroups ? kGroupPercentCol : 2;  // printed columns
  double printedWidth = 0;
  for (int c = 0; c <= lastCol; ++c)
    if (c != kKeyCol) printedWidth += widths[c];

  auto heading = [&](int row, const std::string& s, lxw_format* fm, const FontMetrics& m) {
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
    const CellRef w{sheet, row, 0};
    check(worksheet_write_number(ws, row, 0, r.cells[0].number, fmt.body(Align::Center, false, "0")), w);
    text(ws, sheet, row, 1, r.cells[1].text, fmt.body(Align::Left));
    check(worksheet_write_number(ws, row, 2, r.cells[2].number, fmt.body(Align::Center, false, r.cells[2].numFormat)),
          w);
    text(ws, sheet, row, 3, r.cells[3].text, fmt.body(Align::Left));
    rowHeight(ws, row, wrappedLines(r.cells[1].text, widths[1], body), body);
    // Each figure's key names its value cell: =tasks.done_pct in a formula.
    const std::string& key = r.cells[3].text;
    if (isValidDefinedName(key)) {
      std::string ref = "=";  // appended: GCC 12 -O3 -Wrestrict false positive on "=" + string
      ref += absoluteRange(sheet, row, 2, row, 2);
      check(workbook_define_name(wb, key.c_str(), ref.c_str()), "defined name " + key);
    }
    ++row;
  }
  if (!figures.rows.empty()) {
    for (int c = 0; c < 4; ++c) {
      std::string ref = "=";  // appended: GCC 12 -O3 -Wrestrict false positive on "=" + string
      ref += absoluteRange(sheet, kFirstBodyRow, c, row - 1, c);
      check(workbook_define_name(wb, figures.columns[c].key.c_str(), ref.c_str()),
            "defined name " + figures.columns[c].key);
    }
  }
  int lastPrinted = std::max(row - 1, kHeaderRow);

  GroupTablePosition g;
  if (withGroups && !f.groups.empty()) {
    row += 1;
    // The section heading is not a table cell: bold, left, no border.
    lxw_format* section = workbook_add_format(wb);
    format_set_font_name(section, kFontName);
    format_set_font_size(section, kBodySize);
    format_set_bold(section);
    format_set_align(section, LXW_ALIGN_VERTICAL_CENTER);
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
        check(worksheet_write_number(ws, row, groupCountCol(i), kGroupCounts[i].count(x),
                                     fmt.body(Align::Center, isTotal, "0")),
              CellRef{sheet, row, groupCountCol(i)});
      check(worksheet_write_number(ws, row, kGroupPercentCol, roundedShare(x.donePercent),
                                   fmt.body(Align::Center, isTotal, "0.0%")),
            CellRef{sheet, row, kGroupPercentCol});
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
    lxw_row_t breaks[] = {static_cast<lxw_row_t>(row), 0};
    check(worksheet_set_h_pagebreaks(ws, breaks), "page break");
    insertStatusChart(wb, ws, sheet, g, row, f.tasks);
    lastPrinted = row + 23;  // the chart: 432 px of 20 px rows, and a margin
  }

  printSetup(ws);
  check(worksheet_print_area(ws, 0, 0, lastPrinted, lastCol), "print area");
  return g;
}

static void hideMachineColumns(lxw_worksheet* ws, const SheetTable& t) {
  lxw_row_col_options hidden{};
  hidden.hidden = LXW_TRUE;
  for (std::size_t c = t.printedColumns(); c < t.columns.size(); ++c) {
    const int col = static_cast<int>(c);
    check(worksheet_set_column_opt(ws, col, col, t.columns[c].width, nullptr, &hidden), "hidden column");
  }
}

void writeReportTaskSheet(lxw_workbook* wb, lxw_worksheet* ws, Formats& fmt, const SheetTable& t,
                          const std::string& statusListRef) {
  writeAppendixSheet(wb, ws, fmt, t);
  hideMachineColumns(ws, t);
  const int col = taskStatusColumn();
  const int last = lastBodyRow(t);
  if (last < kFirstBodyRow) return;

  // The status is chosen from the list of labels, on each run of item rows between group rows.
  // libxlsxwriter 1.1.4 leaks a copy of the formula of every LIST_FORMULA validation it is
  // given; a CUSTOM_FORMULA one is stored the same way without the leak, so add them as that
  // and make them lists afterwards (the stored object is written as type="list", formula1 =
  // the range).
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
  v.value_formula = const_cast<char*>(statusListRef.c_str());
  v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  std::string errorTitle = "Tình trạng", errorMessage = "Chọn một tình trạng trong danh sách.";
  v.error_title = const_cast<char*>(errorTitle.c_str());
  v.error_message = const_cast<char*>(errorMessage.c_str());
  int runStart = -1;
  for (int i = 0; i <= static_cast<int>(t.rows.size()); ++i) {
    const bool item = i < static_cast<int>(t.rows.size()) && !t.rows[i].group;
    if (item && runStart < 0) runStart = i;
    if (!item && runStart >= 0) {
      check(worksheet_data_validation_range(ws, kFirstBodyRow + runStart, col, kFirstBodyRow + i - 1, col, &v),
            "status validation");
      runStart = -1;
    }
  }
  lxw_data_val_obj* dv;
  STAILQ_FOREACH(dv, ws->data_validations, list_pointers) {
    if (dv->validate == LXW_VALIDATION_TYPE_CUSTOM_FORMULA) dv->validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  }

  // Overdue red, done (on time or late) green.
  lxw_format* red = workbook_add_format(wb);
  format_set_bg_color(red, 0xFFC7CE);
  format_set_font_color(red, 0x9C0006);
  lxw_format* green = workbook_add_format(wb);
  format_set_bg_color(green, 0xC6EFCE);
  format_set_font_color(green, 0x006100);
  const std::pair<TaskStatus, lxw_format*> rules[] = {
      {TaskStatus::Overdue, red}, {TaskStatus::DoneOnTime, green}, {TaskStatus::DoneLate, green}};
  for (const auto& [status, format] : rules) {
    std::string value = "\"";  // appended: GCC 12 -O3 -Wrestrict false positive on "\"" + string
    value += taskStatusLabel(status, Lang::Vi);
    value += '"';
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    cf.value_string = value.data();
    cf.format = format;
    check(worksheet_conditional_format_range(ws, kFirstBodyRow, col, last, col, &cf), "status colours");
  }
}

void writeReportIndicatorSheet(lxw_workbook* wb, lxw_worksheet* ws, Formats& fmt, const SheetTable& t,
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
    lxw_format* ratioFmt = fmt.body(t.columns[fc.ratio].align, false, "0.0%");
    if (r.cells[fc.ratio].type == CellType::Number)
      check(worksheet_write_formula_num(ws, row, fc.ratio, ratio.c_str(), ratioFmt, r.cells[fc.ratio].number),
            CellRef{t.sheetName, row, fc.ratio});
    else
      check(worksheet_write_formula_str(ws, row, fc.ratio, ratio.c_str(), ratioFmt, ""),
            CellRef{t.sheetName, row, fc.ratio});
    const std::string verdict = verdictFormula(row, verdictFallback(a));
    check(worksheet_write_formula_str(ws, row, fc.verdict, checkedText(verdict, "verdict formula", 8192),
                                      fmt.body(t.columns[fc.verdict].align), r.cells[fc.verdict].text.c_str()),
          CellRef{t.sheetName, row, fc.verdict});
  }
}

}  // namespace vnplan::xlsx
