#include "render/xlsx/sheet_writer.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "render/xlsx/column_keys.hpp"
#include "render/xlsx/schema.hpp"
#include "render/xlsx/text_metrics.hpp"
#include "render/xlsx/xlsx_error.hpp"

namespace vnplan::xlsx {

namespace {

constexpr double kInch = 25.4;  // mm

CellRef where(const SheetTable& t, int row, int col) { return CellRef{t.sheetName, row, col}; }

// A heading line merged across the printed columns, with a height that fits its text.
void writeHeading(lxw_worksheet* ws, const SheetTable& t, int row, const std::string& text, lxw_format* f,
                  const FontMetrics& metrics) {
  const int printed = static_cast<int>(t.printedColumns());
  const char* s = checkedText(text, where(t, row, 0));
  if (printed >= 2)
    check(worksheet_merge_range(ws, row, 0, row, printed - 1, s, f), where(t, row, 0));
  else
    check(worksheet_write_string(ws, row, 0, s, f), where(t, row, 0));
  double width = 0;
  for (int c = 0; c < std::max(printed, 1); ++c) width += t.columns.empty() ? 10 : t.columns[c].width;
  check(worksheet_set_row(ws, row, rowHeightPoints(wrappedLines(text, width, metrics), metrics), nullptr),
        where(t, row, 0));
}

void writeCell(lxw_worksheet* ws, Formats& fmt, const SheetTable& t, int row, int col, const Cell& cell, bool bold) {
  const TableColumn& column = t.columns[col];
  switch (cell.type) {
    case CellType::Empty:
      check(worksheet_write_blank(ws, row, col, fmt.body(column.align, bold)), where(t, row, col));
      break;
    case CellType::Text:
      // Always a string: plan text that starts with "=", "+", "-" or "@" is never a formula.
      check(worksheet_write_string(ws, row, col, checkedText(cell.text, where(t, row, col)),
                                   fmt.body(column.align, bold)),
            where(t, row, col));
      break;
    case CellType::Number:
      check(worksheet_write_number(ws, row, col, cell.number, fmt.body(column.align, bold, cell.numFormat)),
            where(t, row, col));
      break;
    case CellType::Date: {
      lxw_datetime dt{cell.date.year, cell.date.month, cell.date.day, 0, 0, 0.0};
      check(worksheet_write_datetime(ws, row, col, &dt, fmt.date(bold)), where(t, row, col));
      break;
    }
  }
}

void writeGroupRow(lxw_worksheet* ws, Formats& fmt, const SheetTable& t, int row, const TableRow& r) {
  const int printed = static_cast<int>(t.printedColumns());
  const bool numberFirst = printed >= 2 && t.columns[0].key == t.prefix + ".number";
  const int mergeFrom = numberFirst ? 1 : 0;
  if (numberFirst) {
    const std::string& num = r.cells[0].text;
    check(worksheet_write_string(ws, row, 0, checkedText(num, where(t, row, 0)), fmt.groupNumber), where(t, row, 0));
  }
  const std::string& title = r.cells[mergeFrom].text;
  const char* s = checkedText(title, where(t, row, mergeFrom));
  if (printed - 1 > mergeFrom)
    check(worksheet_merge_range(ws, row, mergeFrom, row, printed - 1, s, fmt.groupTitle), where(t, row, mergeFrom));
  else if (printed > mergeFrom)
    check(worksheet_write_string(ws, row, mergeFrom, s, fmt.groupTitle), where(t, row, mergeFrom));
  int machineLines = 1;
  for (int c = printed; c < static_cast<int>(t.columns.size()); ++c) {
    writeCell(ws, fmt, t, row, c, r.cells[c], true);
    if (r.cells[c].type == CellType::Text)
      machineLines = std::max(machineLines, wrappedLines(r.cells[c].text, t.columns[c].width, FontMetrics{kBodySize, true}));
  }

  // Merged cells are not fitted to their text by spreadsheet programs: set the height.
  double width = 0;
  for (int c = mergeFrom; c < printed; ++c) width += t.columns[c].width;
  const FontMetrics bold{kBodySize, true};
  int lines = printed > mergeFrom ? wrappedLines(title, width, bold) : 1;
  if (numberFirst) lines = std::max(lines, wrappedLines(r.cells[0].text, t.columns[0].width, bold));
  lines = std::max(lines, machineLines);
  check(worksheet_set_row(ws, row, rowHeightPoints(lines, bold), nullptr), where(t, row, 0));
}

}  // namespace

int lastBodyRow(const SheetTable& t) { return kFirstBodyRow + static_cast<int>(t.rows.size()) - 1; }

void writeAppendixSheet(lxw_workbook* wb, lxw_worksheet* ws, Formats& fmt, const SheetTable& t) {
  const int ncols = static_cast<int>(t.columns.size());
  const int printed = static_cast<int>(t.printedColumns());
  for (int c = 0; c < ncols; ++c)
    check(worksheet_set_column(ws, c, c, t.columns[c].width, nullptr), where(t, 0, c));

  writeHeading(ws, t, kLabelRow, t.label, fmt.label, FontMetrics{kBodySize, true});
  writeHeading(ws, t, kTitleRow, t.title, fmt.title, FontMetrics{kTitleSize, true});
  writeHeading(ws, t, kLinkRow, t.link, fmt.link, FontMetrics{kBodySize, false, true});
  const bool grouped = t.hasColumnGroups();
  const FontMetrics headerFont{kBodySize, true};
  auto groupOf = [&](int c) { return c < static_cast<int>(t.columnGroups.size()) ? t.columnGroups[c] : std::string(); };
  int headerLines = 1, groupLines = 1;
  for (int c = 0; c < ncols; ++c) {
    const TableColumn& col = t.columns[c];
    const char* s = checkedText(col.header, where(t, kHeaderRow, c));
    if (grouped && !col.machine && groupOf(c).empty()) {
      // Two-row header: an ungrouped header spans both rows.
      check(worksheet_merge_range(ws, kHeaderRow - 1, c, kHeaderRow, c, s, fmt.header), where(t, kHeaderRow - 1, c));
      continue;
    }
    check(worksheet_write_string(ws, kHeaderRow, c, s, col.machine ? fmt.machineHeader : fmt.header),
          where(t, kHeaderRow, c));
    headerLines = std::max(headerLines, wrappedLines(col.header, col.width, headerFont));
  }
  if (grouped) {
    // Adjacent columns of one group share a spanning cell in the row above.
    for (int c = 0; c < printed;) {
      const std::string g = groupOf(c);
      int e = c + 1;
      while (e < printed && !g.empty() && groupOf(e) == g) ++e;
      if (!g.empty()) {
        const char* s = checkedText(g, where(t, kHeaderRow - 1, c));
        double width = 0;
        for (int k = c; k < e; ++k) width += t.columns[k].width;
        groupLines = std::max(groupLines, wrappedLines(g, width, headerFont));
        if (e - c > 1)
          check(worksheet_merge_range(ws, kHeaderRow - 1, c, kHeaderRow - 1, e - 1, s, fmt.header),
                where(t, kHeaderRow - 1, c));
        else
          check(worksheet_write_string(ws, kHeaderRow - 1, c, s, fmt.header), where(t, kHeaderRow - 1, c));
      }
      c = e;
    }
    // Ungrouped headers must fit in the two rows together.
    for (int c = 0; c < printed; ++c)
      if (groupOf(c).empty())
        headerLines = std::max(headerLines, wrappedLines(t.columns[c].header, t.columns[c].width, headerFont) - groupLines);
  }
  check(worksheet_set_row(ws, kHeaderRow - 1, grouped ? rowHeightPoints(groupLines, headerFont) : 8, nullptr),
        "spacer row");
  check(worksheet_set_row(ws, kHeaderRow, rowHeightPoints(headerLines, headerFont), nullptr),
        where(t, kHeaderRow, 0));

  int row = kFirstBodyRow;
  for (const auto& r : t.rows) {
    if (r.group) {
      writeGroupRow(ws, fmt, t, row, r);
    } else {
      int lines = 1;
      for (int c = 0; c < ncols; ++c) {
        writeCell(ws, fmt, t, row, c, r.cells[c], false);
        if (r.cells[c].type == CellType::Text)
          lines = std::max(lines, wrappedLines(r.cells[c].text, t.columns[c].width, FontMetrics{kBodySize}));
      }
      check(worksheet_set_row(ws, row, rowHeightPoints(lines, FontMetrics{kBodySize}), nullptr), where(t, row, 0));
    }
    ++row;
  }
  const int last = lastBodyRow(t);

  // Reading: header stays in view, every column can be filtered.
  worksheet_freeze_panes(ws, kFirstBodyRow, 0);
  if (ncols > 0) check(worksheet_autofilter(ws, kHeaderRow, 0, std::max(last, kHeaderRow), ncols - 1), "autofilter");

  // Printing: the plan's table only (not the machine columns), A4 landscape, one page
  // wide, the header row on every page, page numbers at the foot.
  worksheet_set_paper(ws, 9);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_margins(ws, 15 / kInch, 15 / kInch, 15 / kInch, 15 / kInch);
  worksheet_center_horizontally(ws);
  check(worksheet_repeat_rows(ws, grouped ? kHeaderRow - 1 : kHeaderRow, kHeaderRow), "print titles");
  if (printed > 0) check(worksheet_print_area(ws, 0, 0, std::max(last, kHeaderRow), printed - 1), "print area");
  lxw_header_footer_options hf{};
  hf.margin = 7 / kInch;
  check(worksheet_set_footer_opt(ws, "&C&\"Times New Roman,Regular\"&11&P/&N", &hf), "page footer");

  // Defined names: each column key names its body cells (first occurrence of a key).
  if (last >= kFirstBodyRow) {
    std::set<std::string> seen;
    for (int c = 0; c < ncols; ++c) {
      const std::string& key = t.columns[c].key;
      if (!seen.insert(key).second || !isValidDefinedName(key)) continue;
      std::string ref = "=";  // appended: GCC 12 -O3 -Wrestrict false positive on "=" + string
      ref += absoluteRange(t.sheetName, kFirstBodyRow, c, last, c);
      check(workbook_define_name(wb, key.c_str(), ref.c_str()), "defined name " + key);
    }
  }
}

}  // namespace vnplan::xlsx
