#pragma once
// What one appendix sheet shows, independent of the XLSX writer: the heading lines, the
// columns with their schema keys, and every body row as typed cells. The sheet writer
// writes it, the content hash reads it, so both always see the same values.
#include <cstddef>
#include <string>
#include <vector>

#include "model/deadline.hpp"

namespace vnplan::xlsx {

enum class CellType { Empty, Text, Number, Date };

struct Cell {
  CellType type = CellType::Empty;
  std::string text;       // Text
  double number = 0;      // Number
  std::string numFormat;  // Number: Excel display format, e.g. "0%" or "#,##0"
  CalendarDate date;      // Date

  static Cell makeText(std::string s) {
    Cell c;
    if (!s.empty()) {
      c.type = CellType::Text;
      c.text = std::move(s);
    }
    return c;
  }
  static Cell makeNumber(double v, std::string fmt) {
    Cell c;
    c.type = CellType::Number;
    c.number = v;
    c.numFormat = std::move(fmt);
    return c;
  }
  static Cell makeDate(CalendarDate d) {
    Cell c;
    c.type = CellType::Date;
    c.date = d;
    return c;
  }
};

enum class Align { Left, Center };

// What a column holds, as recorded in _meta ("type").
enum class ValueType { Text, TextOrNumber, Integer, Date, Number };
const char* valueTypeKey(ValueType t);

struct TableColumn {
  std::string key;     // schema key, e.g. "task.lead", "indicator.target.2030"
  std::string header;  // printed header text
  double width = 10;   // Excel character units
  Align align = Align::Left;
  ValueType type = ValueType::Text;
  bool machine = false;  // an extra column for machines: not in the plan's table, not printed
};

struct TableRow {
  bool group = false;       // a group row: bold, merged across the printed columns
  std::vector<Cell> cells;  // one per column
};

struct SheetTable {
  std::string id;      // "indicators" or "tasks"
  std::string prefix;  // "indicator" or "task": the first part of every column key
  std::string sheetName;
  std::string label, title, link;  // heading lines above the table
  std::vector<TableColumn> columns;  // printed columns first, then machine columns
  // Per printed column: its spanning group header (a two-row header); empty: none.
  std::vector<std::string> columnGroups;
  bool hasColumnGroups() const {
    for (const auto& g : columnGroups)
      if (!g.empty()) return true;
    return false;
  }
  std::vector<TableRow> rows;
  std::size_t items = 0, groups = 0;

  std::size_t printedColumns() const {
    std::size_t n = 0;
    for (const auto& c : columns)
      if (!c.machine) ++n;
    return n;
  }
};

}  // namespace vnplan::xlsx
