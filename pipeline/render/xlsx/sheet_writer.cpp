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
void writeHeading(ooxml::Worksheet& ws, const SheetTable& t, int row, const std::string& text, ooxml::Format* f,
                  const FontMetrics& metrics) {
  const int printed = static_cast<int>(t.printedColumns());
  const std::string& s = checkedText(text, where(t, row, 0));
  if (printed >= 2)
    ws.mergeRange(row, 0, row, printed - 1, s, f);
  else
    ws.writeString(row, 0, s, f);
  double width = 0;
  for (int c = 0; c < std::max(printed, 1); ++c) width += t.columns.empty() ? 10 : t.columns[c].width;
  ws.setRow(row, rowHeightPoints(wrappedLines(text, width, metrics), metrics));
}

void writeCell(ooxml::Worksheet& ws, Formats& fmt, const SheetTable& t, int row, int col, const Cell& cell, bool bold) {
  const TableColumn& column = t.columns[col];
  switch (cell.type) {
    case CellType::Empty:
      ws.writeBlank(row, col, fmt.body(column.align, bold));
      break;
    case CellType::Text:
      // Always a string: plan text that starts with "=", "+", "-" or "@" is never a formula.
      ws.writeString(row, col, checkedText(cell.text, where(t, row, col)), fmt.body(column.align, bold));
      break;
    case CellType::Number:
      ws.writeNumber(row, col, cell.number, fmt.body(column.align, bold, cell.numFormat));
      break;
    case CellType::Date:
      ws.writeDate(row, col, ooxml::Date{cell.date.year, cell.date.month, cell.date.day}, fmt.date(bold));
      break;
  }
}

void writeGroupRow(ooxml::Worksheet& ws, Formats& fmt, const SheetTable& t, int row, const TableRow& r) {
  const int printed = static_cast<int>(t.printedColumns());
  const bool numberFirst = printed >= 2 && t.columns[0].key == t.prefix + ".number";
  const int mergeFrom = numberFirst ? 1 : 0;
  if (numberFirst) {
    const std::string& num = r.cells[0].text;
    ws.writeString(row, 0, checkedText(num, where(t, row, 0)), fmt.groupNumber);
  }
  const std::string& title = r.cells[mergeFrom].text;
  const std::string& s = checkedText(title, where(t, row, mergeFrom));
  if (printed - 1 > mergeFrom)
    ws.mergeRange(row, mergeFrom, row, printed - 1, s, fmt.groupTitle);
  else if (printed > mergeFrom)
    ws.writeString(row, mergeFrom, s, fmt.groupTitle);
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
  ws.setRow(row, rowHeightPoints(lines, bold));
}

}  // namespace

int lastBodyRow(const SheetTable& t) { return kFirstBodyRow + static_cast<int>(t.rows.size()) - 1; }

void writeAppendixSheet(ooxml::Workbook& wb, ooxml::Worksheet& ws, Formats& fmt, const SheetTable& t) {
  const int ncols = static_cast<int>(t.columns.size());
  const int printed = static_cast<int>(t.printedColumns());
  for (int c = 0; c < ncols; ++c)
    ws.setColumn(c, c, t.columns[c].width);

  writeHeading(ws, t, kLabelRow, t.label, fmt.label, FontMetrics{kBodySize, true});
  writeHeading(ws, t, kTitleRow, t.title, fmt.title, FontMetrics{kTitleSize, true});
  writeHeading(ws, t, kLinkRow, t.link, fmt.link, FontMetrics{kBodySize, false, true});
  const bool grouped = t.hasColumnGroups();
  const FontMetrics headerFont{kBodySize, true};
  auto groupOf = [&](int c) { return c < static_cast<int>(t.columnGroups.size()) ? t.columnGroups[c] : std::string(); };
  int headerLines = 1, groupLines = 1;
  for (int c = 0; c < ncols; ++c) {
    const TableColumn& col = t.columns[c];
    const std::string& s = checkedText(col.header, where(t, kHeaderRow, c));
    if (grouped && !col.machine && groupOf(c).empty()) {
      // Two-row header: an ungrouped header spans both rows.
      ws.mergeRange(kHeaderRow - 1, c, kHeaderRow, c, s, fmt.header);
      continue;
    }
    ws.writeString(kHeaderRow, c, s, col.machine ? fmt.machineHeader : fmt.header);
    headerLines = std::max(headerLines, wrappedLines(col.header, col.width, headerFont));
  }
  if (grouped) {
    // Adjacent columns of one group share a spanning cell in the row above.
    for (int c = 0; c < printed;) {
      const std::string g = groupOf(c);
      int e = c + 1;
      while (e < printed && !g.empty() && groupOf(e) == g) ++e;
      if (!g.empty()) {
        const std::string& s = checkedText(g, where(t, kHeaderRow - 1, c));
        double width = 0;
        for (int k = c; k < e; ++k) width += t.columns[k].width;
        groupLines = std::max(groupLines, wrappedLines(g, width, headerFont));
        if (e - c > 1)
          ws.mergeRange(kHeaderRow - 1, c, kHeaderRow - 1, e - 1, s, fmt.header);
        else
          ws.writeString(kHeaderRow - 1, c, s, fmt.header);
      }
      c = e;
    }
    // Ungrouped headers must fit in the two rows together.
    for (int c = 0; c < printed; ++c)
      if (groupOf(c).empty())
        headerLines = std::max(headerLines, wrappedLines(t.columns[c].header, t.columns[c].width, headerFont) - groupLines);
  }
  ws.setRow(kHeaderRow - 1, grouped ? rowHeightPoints(groupLines, headerFont) : 8);
  ws.setRow(kHeaderRow, rowHeightPoints(headerLines, headerFont));

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
      ws.setRow(row, rowHeightPoints(lines, FontMetrics{kBodySize}));
    }
    ++row;
  }
  const int last = lastBodyRow(t);

  // Reading: header stays in view, every column can be filtered.
  ws.freezePanes(kFirstBodyRow, 0);
  if (ncols > 0) ws.autofilter(kHeaderRow, 0, std::max(last, kHeaderRow), ncols - 1);

  // Printing: the plan's table only (not the machine columns), A4 landscape, one page
  // wide, the header row on every page, page numbers at the foot.
  ws.setPaper(9);
  ws.setLandscape();
  ws.fitToPages(1, 0);
  ws.setMargins(15 / kInch, 15 / kInch, 15 / kInch, 15 / kInch);
  ws.centerHorizontally();
  ws.repeatRows(grouped ? kHeaderRow - 1 : kHeaderRow, kHeaderRow);
  if (printed > 0) ws.printArea(0, 0, std::max(last, kHeaderRow), printed - 1);
  ws.setFooter("&C&\"Times New Roman,Regular\"&11&P/&N", 7 / kInch);

  // Defined names: each column key names its body cells (first occurrence of a key).
  if (last >= kFirstBodyRow) {
    std::set<std::string> seen;
    for (int c = 0; c < ncols; ++c) {
      const std::string& key = t.columns[c].key;
      if (!seen.insert(key).second || !isValidDefinedName(key)) continue;
      std::string ref = "=";  // appended: GCC 12 -O3 -Wrestrict false positive on "=" + string
      ref += absoluteRange(t.sheetName, kFirstBodyRow, c, last, c);
      wb.defineName(key, ref);
    }
  }
}

}  // namespace vnplan::xlsx
