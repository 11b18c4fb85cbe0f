#pragma once
// What the layout stage typesets: a backend-neutral description of one administrative
// document (plan or report). Built from the model by specFromPlan() or by the report
// stage; layout turns it into pages. Plain data, no I/O.
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace vnplan {

enum class CellAlign { Left, Center, Right, Justify };

struct TableColumn {
  std::string header;
  double width = 1;  // relative
  CellAlign align = CellAlign::Left;
};

struct TableRow {
  bool group = false;              // a group row: cells[0] = number, cells[1] = title, spans the table, bold
  std::vector<std::string> cells;  // one per column; "\n" separates lines inside a cell
  bool bold = false;               // e.g. a totals row
};

struct Table {
  std::vector<TableColumn> columns;
  std::vector<TableRow> rows;
  // Widen columns so no word (nor roman numeral) has to break inside a cell, taking the room
  // from columns that have more than they need (reports set it; plans keep their widths).
  bool fitColumnsToWords = false;
  // Per column: the spanning header over adjacent columns of the same group (a two-row
  // header); empty (or shorter than columns): no group.
  std::vector<std::string> columnGroups;
  const std::string& groupOf(size_t c) const {
    static const std::string none;
    return c < columnGroups.size() ? columnGroups[c] : none;
  }
};

// A vector bar chart: one stacked bar per category, one colour per series.
struct BarChart {
  std::string title;
  std::vector<std::string> categories;            // e.g. group numbers "I", "II"
  std::vector<std::string> series;                // e.g. "Hoàn thành", "Đang thực hiện"
  std::vector<std::vector<double>> values;        // values[category][series]
  std::vector<unsigned> colors;                   // 0xRRGGBB per series
};

enum class SpecBlockKind { Heading, Paragraph, Item, Note, Table, Chart };

struct SpecBlock {
  SpecBlockKind kind = SpecBlockKind::Paragraph;
  int level = 0;            // headings: 1 = "I.", 2 = "1.", 3 = "1.1.", 4 = "a)"
  std::string number;       // headings; numbered paragraphs ("1.1.")
  std::string text;         // heading title or paragraph text; may hold [^key] marks
  std::string style;        // heading style override
  Table table;              // kind Table
  BarChart chart;           // kind Chart
};

struct SpecAppendix {
  std::string label;  // "PHỤ LỤC I"
  std::string title;  // bold upper case
  std::string link;   // full italic line, with parentheses
  Table table;
};

struct DocumentSpec {
  Family family = Family::State;
  std::string typeCode = "KH";        // KH, BC
  std::string typeName = "KẾ HOẠCH";  // printed above the title
  Issuer issuer;
  std::string number;
  PartialDate date;
  std::string place;
  std::string title;
  LayoutOptions layout;
  std::vector<std::string> preamble;
  std::vector<SpecBlock> body;
  std::map<std::string, std::string> footnotes;
  std::vector<std::string> closing;
  std::vector<std::string> recipients;
  Signature signature;
  std::vector<SpecAppendix> appendices;
  // Document information (PDF metadata).
  std::string author, subject;
};

}  // namespace vnplan
