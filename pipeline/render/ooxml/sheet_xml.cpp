// xl/worksheets/sheetN.xml: the same bytes libxlsxwriter 1.1.4 writes for the same calls.
//
// What libxlsxwriter does that is not obvious (each checked by writing with it; see
// tests/unit/ooxml_sheet_test.cpp):
// - <dimension> is the used range it tracked call by call (Worksheet::usedRange()).
// - spans="a:b" of a row is the first and last column used in the row's block of 16 rows
//   (rows 1-16, 17-32, ...), on every row with cells; a row with only a height has none.
// - A note (comment) counts as a cell of its row for the row's existence and the block's
//   spans, but writes no <c>.
// - A cell without a format takes its row's format, else its column's (the last column range
//   given that covers it, a range without a format included).
// - <col>: one per first column (a later range with the same first column replaces the
//   earlier one), by first column; the width in characters becomes Excel's stored width
//   (a 7-pixel digit and 5 pixels of padding, in 1/256 of a character).
// - <conditionalFormatting>: one per range, ranges in byte order of their A1 text, rules in
//   the order given, priorities 1.. over the sheet in the order given.
// - <dataValidation> of type Any with neither an input title nor an input message is left
//   out (and not counted).
// - The first sheet is the selected one (tabSelected), hidden or not.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <deque>
#include <map>

#include "render/ooxml/sheet_xml.hpp"
#include "render/ooxml/xml_text.hpp"

namespace vnplan::ooxml {

namespace {

constexpr double kDefaultRowHeight = 15;
constexpr double kDefaultColumnWidth = 8.43;

// An attribute value as libxlsxwriter escapes it: & < > " and the line feed (&#xA;, so that
// a multi-line prompt keeps its lines).
void appendAttrLines(std::string& out, std::string_view s) {
  std::size_t from = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char* rep = nullptr;
    switch (s[i]) {
      case '&': rep = "&amp;"; break;
      case '<': rep = "&lt;"; break;
      case '>': rep = "&gt;"; break;
      case '"': rep = "&quot;"; break;
      case '\n': rep = "&#xA;"; break;
      default: continue;
    }
    out.append(s.data() + from, i - from);
    out.append(rep);
    from = i + 1;
  }
  out.append(s.data() + from, s.size() - from);
}

// A number as printf("%.16G") writes it (libxlsxwriter's form), into `p` (at least 32 bytes
// free), without printf: integers (the usual case: counts, dates) as integers; others by
// std::to_chars, whose general form with a precision is printf's %g, with the exponent's 'e'
// made 'E'. Infinities and NaNs (never in vnplan's sheets) through printf.
char* putNumber(char* p, double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15 && !(v == 0 && std::signbit(v)))
    return std::to_chars(p, p + 24, static_cast<long long>(v)).ptr;
  if (!std::isfinite(v)) {
    std::string s;
    appendNumber(s, v);
    std::memcpy(p, s.data(), s.size());
    return p + s.size();
  }
  char* const end = std::to_chars(p, p + 32, v, std::chars_format::general, 16).ptr;
  for (; p != end; ++p)
    if (*p == 'e') *p = 'E';
  return end;
}

void appendCellNumber(std::string& out, double v) {
  char buf[32];
  out.append(buf, static_cast<std::size_t>(putNumber(buf, v) - buf));
}

template <std::size_t N>
char* put(char* p, const char (&literal)[N]) {
  std::memcpy(p, literal, N - 1);
  return p + N - 1;
}
char* put(char* p, const std::string& s) {
  std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

void appendRange(std::string& out, const CellRange& r) {
  appendCellName(out, r.firstRow, r.firstCol);
  if (r.firstRow != r.lastRow || r.firstCol != r.lastCol) {
    out.push_back(':');
    appendCellName(out, r.lastRow, r.lastCol);
  }
}

// Excel's stored column width for a width in characters (the digit is 7 pixels wide, a
// column has 5 pixels of padding; the width is kept in 1/256 of a character).
double storedColumnWidth(double width) {
  if (width <= 0) return width;
  if (width < 1) {
    const double pixels = std::trunc(width * 12 + 0.5);
    return std::trunc(pixels / 7 * 256) / 256;
  }
  const double pixels = std::trunc(width * 7 + 0.5);
  return std::trunc((pixels + 5) / 7 * 256) / 256;
}

void writeSheetViews(std::string& out, const Worksheet& ws) {
  out += "<sheetViews><sheetView ";
  if (ws.index() == 0) out += "tabSelected=\"1\" ";
  out += "workbookViewId=\"0\"";
  if (!ws.frozen()) {
    out += "/></sheetViews>";
    return;
  }
  const auto [row, col] = *ws.frozen();
  out += "><pane ";
  if (col > 0) {
    out += "xSplit=\"";
    appendInt(out, col);
    out += "\" ";
  }
  if (row > 0) {
    out += "ySplit=\"";
    appendInt(out, row);
    out += "\" ";
  }
  out += "topLeftCell=\"";
  appendCellName(out, row, col);
  if (row > 0 && col > 0) {
    out += "\" activePane=\"bottomRight\" state=\"frozen\"/><selection pane=\"topRight\" activeCell=\"";
    appendCellName(out, 0, col);
    out += "\" sqref=\"";
    appendCellName(out, 0, col);
    out += "\"/><selection pane=\"bottomLeft\" activeCell=\"";
    appendCellName(out, row, 0);
    out += "\" sqref=\"";
    appendCellName(out, row, 0);
    out += "\"/><selection pane=\"bottomRight\"/>";
  } else if (col > 0) {
    out += "\" activePane=\"topRight\" state=\"frozen\"/><selection pane=\"topRight\"/>";
  } else {
    out += "\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/>";
  }
  out += "</sheetView></sheetViews>";
}

void writeDimension(std::string& out, const Worksheet& ws) {
  const UsedRange& u = ws.usedRange();
  out += "<dimension ref=\"";
  if (!u.rowsSet() && !u.colsSet()) out += "A1";
  else if (!u.rowsSet()) appendRange(out, CellRange{0, u.colMin, 0, u.colMax});
  else appendRange(out, CellRange{u.rowMin, u.colMin, u.rowMax, u.colMax});
  out += "\"/>";
}

void writeColumns(std::string& out, const Worksheet& ws, const SheetStyles& styles) {
  if (ws.columns().empty()) return;
  std::map<int, const ColumnRange*> byFirst;  // a later range with the same first column wins
  for (const ColumnRange& c : ws.columns()) byFirst[c.first] = &c;
  out += "<cols>";
  for (const auto& [first, c] : byFirst) {
    double width = c->width;
    bool customWidth = true;
    if (width == kDefaultColumnWidth) {
      if (c->hidden) width = 0;  // a hidden column of the default width is stored as 0 wide
      else customWidth = false;
    }
    out += "<col min=\"";
    appendInt(out, c->first + 1);
    out += "\" max=\"";
    appendInt(out, c->last + 1);
    out += "\" width=\"";
    appendNumber(out, storedColumnWidth(width));
    out += '"';
    if (const int s = c->format ? styles.xfIndex(c->format) : 0) {
      out += " style=\"";
      appendInt(out, s);
      out += '"';
    }
    if (c->hidden) out += " hidden=\"1\"";
    if (customWidth) out += " customWidth=\"1\"";
    out += "/>";
  }
  out += "</cols>";
}

struct NotePlace {
  int row, col;
  bool operator<(const NotePlace& o) const { return row != o.row ? row < o.row : col < o.col; }
};

class SheetDataWriter {
 public:
  SheetDataWriter(std::string& out, const Worksheet& ws, const SheetStyles& styles)
      : out_(out), ws_(ws), styles_(styles) {
    notes_.reserve(ws.comments().size());
    for (const Comment& c : ws.comments()) notes_.push_back({c.row, c.col});
    std::sort(notes_.begin(), notes_.end());
    for (const ColumnRange& c : ws.columns()) {
      if (colFormat_.size() <= static_cast<std::size_t>(c.last)) {
        if (!c.format && colFormat_.empty()) continue;  // nothing to override yet
        colFormat_.resize(static_cast<std::size_t>(c.last) + 1, nullptr);
      }
      for (int i = c.first; i <= c.last; ++i) colFormat_[static_cast<std::size_t>(i)] = c.format;
    }
  }

  void write() {
    const auto& rows = ws_.rows();
    if (rows.empty() && notes_.empty()) {
      out_ += "<sheetData/>";
      return;
    }
    out_ += "<sheetData>";
    auto it = rows.begin();
    std::size_t ni = 0;
    int block = -1;
    while (it != rows.end() || ni < notes_.size()) {
      const int r = it == rows.end()                  ? notes_[ni].row
                    : ni == notes_.size()             ? it->first
                                                      : std::min(it->first, notes_[ni].row);
      const RowData* rd = it != rows.end() && it->first == r ? &it->second : nullptr;
      const std::size_t notesFrom = ni;
      while (ni < notes_.size() && notes_[ni].row == r) ++ni;
      const bool hasCells = (rd && !rd->cells.empty()) || ni > notesFrom;
      if (hasCells && r / 16 != block) {
        block = r / 16;
        computeSpans(it, notesFrom, block);
      }
      writeRow(r, rd, hasCells);
      if (rd) ++it;
    }
    out_ += "</sheetData>";
  }

 private:
  // The first and last column used in the block's rows, from the current row on (earlier
  // rows of the block had no cells, or the block would have been entered there).
  void computeSpans(std::map<int, RowData>::const_iterator it, std::size_t ni, int block) {
    int lo = kMaxCols, hi = -1;
    for (; it != ws_.rows().end() && it->first / 16 == block; ++it) {
      if (it->second.cells.empty()) continue;
      lo = std::min(lo, it->second.cells.begin()->first);
      hi = std::max(hi, it->second.cells.rbegin()->first);
    }
    for (; ni < notes_.size() && notes_[ni].row / 16 == block; ++ni) {
      lo = std::min(lo, notes_[ni].col);
      hi = std::max(hi, notes_[ni].col);
    }
    spans_.clear();
    appendInt(spans_, lo + 1);
    spans_.push_back(':');
    appendInt(spans_, hi + 1);
  }

  void writeRow(int r, const RowData* rd, bool hasCells) {
    rowDigits_.clear();
    appendInt(rowDigits_, r + 1);
    out_ += "<row r=\"";
    out_ += rowDigits_;
    out_ += '"';
    if (hasCells) {
      out_ += " spans=\"";
      out_ += spans_;
      out_ += '"';
    }
    double height = kDefaultRowHeight;
    bool hidden = false;
    const Format* rowFormat = nullptr;
    if (rd) {
      rowFormat = rd->format;
      hidden = rd->hidden;
      if (rd->height) {
        height = *rd->height;
        if (height == 0) {  // a row of no height is a hidden row of the default height
          hidden = true;
          height = kDefaultRowHeight;
        }
      }
    }
    const int rowStyle = rowFormat ? styles_.xfIndex(rowFormat) : 0;
    if (rowStyle) {
      out_ += " s=\"";
      appendInt(out_, rowStyle);
      out_ += '"';
    }
    if (rowFormat) out_ += " customFormat=\"1\"";
    const bool customHeight = height != kDefaultRowHeight;
    if (customHeight) {
      out_ += " ht=\"";
      appendCellNumber(out_, height);
      out_ += '"';
    }
    if (hidden) out_ += " hidden=\"1\"";
    if (customHeight) out_ += " customHeight=\"1\"";
    if (!rd || rd->cells.empty()) {
      out_ += "/>";
      return;
    }
    out_ += '>';
    for (const auto& [col, cell] : rd->cells) writeCell(col, cell, rowFormat);
    out_ += "</row>";
  }

  // The style attribute (` s="7"`, or nothing) of each format met, made once: a sheet has a
  // handful of formats and thousands of cells.
  const std::string& styleAttr(const Format* f) {
    if (f == lastFormat_) return *lastStyleAttr_;
    lastFormat_ = f;
    for (const auto& [known, attr] : styleAttrs_)
      if (known == f) return *(lastStyleAttr_ = &attr);
    std::string attr;
    if (const int s = f ? styles_.xfIndex(f) : 0) {
      attr = " s=\"";
      appendInt(attr, s);
      attr += '"';
    }
    return *(lastStyleAttr_ = &styleAttrs_.emplace_back(f, std::move(attr)).second);
  }

  const Format* cellFormat(int col, const CellData& cell, const Format* rowFormat) const {
    if (cell.format) return cell.format;
    if (rowFormat) return rowFormat;
    if (static_cast<std::size_t>(col) < colFormat_.size()) return colFormat_[static_cast<std::size_t>(col)];
    return nullptr;
  }

  // "AB": the column's letters, kept once made (a sheet uses few columns, on every row).
  const std::string& columnName(int col) {
    const auto c = static_cast<std::size_t>(col);
    if (c >= colNames_.size()) colNames_.resize(c + 1);
    std::string& name = colNames_[c];
    if (name.empty()) appendColumnName(name, col);
    return name;
  }

  void writeCell(int col, const CellData& cell, const Format* rowFormat) {
    // The common cells (blank, text, number) are made in a buffer on the stack and appended
    // at once: a column name of at most 3 letters, a row number of at most 7 digits, a style
    // attribute and a number of at most 24 characters.
    char buf[128];
    char* p = put(buf, "<c r=\"");
    p = put(p, columnName(col));
    p = put(p, rowDigits_);
    *p++ = '"';
    p = put(p, styleAttr(cellFormat(col, cell, rowFormat)));
    switch (cell.kind) {
      case CellData::Kind::Blank:
        p = put(p, "/>");
        break;
      case CellData::Kind::String:
        p = put(p, " t=\"s\"><v>");
        p = std::to_chars(p, p + 12, cell.sst).ptr;
        p = put(p, "</v></c>");
        break;
      case CellData::Kind::Number:
        p = put(p, "><v>");
        p = putNumber(p, cell.number);
        p = put(p, "</v></c>");
        break;
      case CellData::Kind::FormulaNumber:
        out_.append(buf, static_cast<std::size_t>(p - buf));
        out_ += "><f>";
        appendText(out_, cell.formula);
        out_ += "</f><v>";
        appendCellNumber(out_, cell.number);
        out_ += "</v></c>";
        return;
      case CellData::Kind::FormulaString:
        out_.append(buf, static_cast<std::size_t>(p - buf));
        out_ += " t=\"str\"><f>";
        appendText(out_, cell.formula);
        out_ += "</f><v>";
        appendText(out_, cell.text);
        out_ += "</v></c>";
        return;
    }
    out_.append(buf, static_cast<std::size_t>(p - buf));
  }

  std::string& out_;
  const Worksheet& ws_;
  const SheetStyles& styles_;
  std::vector<NotePlace> notes_;
  std::vector<const Format*> colFormat_;  // by column: the format of the last range covering it
  std::string spans_;
  std::string rowDigits_;               // the current row's number, 1-based
  std::vector<std::string> colNames_;  // by column: its letters, once met
  std::deque<std::pair<const Format*, std::string>> styleAttrs_;  // a deque: references stay valid
  const std::string noStyle_;  // no format: no attribute
  const Format* lastFormat_ = nullptr;
  const std::string* lastStyleAttr_ = &noStyle_;
};

void writeProtection(std::string& out, const Worksheet& ws) {
  if (!ws.protection()) return;
  out += "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\"";
  // libxlsxwriter's sense: what is allowed is written as ="0" (not protected).
  if (ws.protection()->formatColumns) out += " formatColumns=\"0\"";
  if (ws.protection()->formatRows) out += " formatRows=\"0\"";
  out += "/>";
}

void writeMerges(std::string& out, const Worksheet& ws) {
  if (ws.merges().empty()) return;
  out += "<mergeCells count=\"";
  appendInt(out, static_cast<long long>(ws.merges().size()));
  out += "\">";
  for (const CellRange& m : ws.merges()) {
    out += "<mergeCell ref=\"";
    appendRange(out, m);
    out += "\"/>";
  }
  out += "</mergeCells>";
}

void writeConditionalFormats(std::string& out, const Worksheet& ws, const SheetStyles& styles) {
  const auto& cfs = ws.conditionalFormats();
  if (cfs.empty()) return;
  std::map<std::string, std::vector<std::size_t>> byRange;  // A1 text -> rules, in byte order
  for (std::size_t i = 0; i < cfs.size(); ++i) {
    std::string ref;
    appendRange(ref, cfs[i].range);
    byRange[ref].push_back(i);
  }
  for (const auto& [ref, rules] : byRange) {
    out += "<conditionalFormatting sqref=\"";
    out += ref;
    out += "\">";
    for (std::size_t i : rules) {
      out += "<cfRule type=\"cellIs\" dxfId=\"";
      appendInt(out, styles.dxfIndex(cfs[i].format));
      out += "\" priority=\"";
      appendInt(out, static_cast<long long>(i) + 1);
      out += "\" operator=\"equal\"><formula>";
      appendText(out, cfs[i].value);
      out += "</formula></cfRule>";
    }
    out += "</conditionalFormatting>";
  }
}

bool validationWritten(const DataValidation& v) {
  return v.type != DataValidation::Type::Any || !v.inputTitle.empty() || !v.inputMessage.empty();
}

void appendFormula(std::string& out, const char* tag, double v) {
  out += '<';
  out += tag;
  out += '>';
  appendNumber(out, v);
  out += "</";
  out += tag;
  out += '>';
}

void writeValidation(std::string& out, const DataValidation& v) {
  using T = DataValidation::Type;
  using C = DataValidation::Criteria;
  out += "<dataValidation";
  switch (v.type) {
    case T::Any: break;
    case T::List:
    case T::ListFormula: out += " type=\"list\""; break;
    case T::Date: out += " type=\"date\""; break;
    case T::Decimal: out += " type=\"decimal\""; break;
    case T::Length: out += " type=\"textLength\""; break;
    case T::Custom: out += " type=\"custom\""; break;
  }
  const bool bounded = v.type == T::Date || v.type == T::Decimal || v.type == T::Length;
  if (bounded) {
    if (v.criteria == C::GreaterThanOrEqual) out += " operator=\"greaterThanOrEqual\"";
    else if (v.criteria == C::LessThanOrEqual) out += " operator=\"lessThanOrEqual\"";
  }
  if (v.errorType == DataValidation::ErrorType::Warning) out += " errorStyle=\"warning\"";
  else if (v.errorType == DataValidation::ErrorType::Information) out += " errorStyle=\"information\"";
  out += " allowBlank=\"1\"";
  if (v.showInput) out += " showInputMessage=\"1\"";
  out += " showErrorMessage=\"1\"";
  auto attr = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    out += ' ';
    out += name;
    out += "=\"";
    appendAttrLines(out, value);
    out += '"';
  };
  attr("errorTitle", v.errorTitle);
  attr("error", v.errorMessage);
  attr("promptTitle", v.inputTitle);
  attr("prompt", v.inputMessage);
  out += " sqref=\"";
  appendRange(out, v.range);
  out += '"';
  switch (v.type) {
    case T::Any: out += "/>"; return;
    case T::List:
      out += "><formula1>\"";
      for (std::size_t i = 0; i < v.list.size(); ++i) {
        if (i) out += ',';
        appendText(out, v.list[i]);  // as libxlsxwriter: a '"' inside stays as it is
      }
      out += "\"</formula1>";
      break;
    case T::ListFormula:
    case T::Custom:
      out += "><formula1>";
      appendText(out, v.formula);
      out += "</formula1>";
      break;
    case T::Date:
      out += '>';
      if (v.criteria == C::Between) {
        appendFormula(out, "formula1", serialDate(v.minimum));
        appendFormula(out, "formula2", serialDate(v.maximum));
      } else {  // the single bound: the minimum for >=, the maximum for <=
        appendFormula(out, "formula1", serialDate(v.criteria == C::LessThanOrEqual ? v.maximum : v.minimum));
      }
      break;
    case T::Decimal:
    case T::Length:
      out += '>';
      appendFormula(out, "formula1", v.value);
      break;
  }
  out += "</dataValidation>";
}

void writeValidations(std::string& out, const Worksheet& ws) {
  const auto& vs = ws.validations();
  const auto count = std::count_if(vs.begin(), vs.end(), validationWritten);
  if (count == 0) return;
  out += "<dataValidations count=\"";
  appendInt(out, count);
  out += "\">";
  for (const DataValidation& v : vs)
    if (validationWritten(v)) writeValidation(out, v);
  out += "</dataValidations>";
}

void writePrinting(std::string& out, const Worksheet& ws) {
  const PageSetup& p = ws.page();
  if (p.centerHorizontally) out += "<printOptions horizontalCentered=\"1\"/>";
  // A negative margin leaves libxlsxwriter's default; the footer margin only when positive.
  auto margin = [](double v, double dflt) { return v >= 0 ? v : dflt; };
  out += "<pageMargins left=\"";
  appendNumber(out, margin(p.marginLeft, 0.7));
  out += "\" right=\"";
  appendNumber(out, margin(p.marginRight, 0.7));
  out += "\" top=\"";
  appendNumber(out, margin(p.marginTop, 0.75));
  out += "\" bottom=\"";
  appendNumber(out, margin(p.marginBottom, 0.75));
  out += "\" header=\"0.3\" footer=\"";
  appendNumber(out, p.footerMargin > 0 ? p.footerMargin : 0.3);
  out += "\"/>";
  if (p.paper != 0 || p.landscape || p.fitToPages) {
    out += "<pageSetup";
    if (p.paper != 0) {
      out += " paperSize=\"";
      appendInt(out, p.paper);
      out += '"';
    }
    if (p.fitToPages && p.fitWidth != 1) {
      out += " fitToWidth=\"";
      appendInt(out, p.fitWidth);
      out += '"';
    }
    if (p.fitToPages && p.fitHeight != 1) {
      out += " fitToHeight=\"";
      appendInt(out, p.fitHeight);
      out += '"';
    }
    out += p.landscape ? " orientation=\"landscape\"/>" : " orientation=\"portrait\"/>";
  }
  if (!p.footer.empty()) {
    out += "<headerFooter><oddFooter>";
    appendText(out, p.footer);
    out += "</oddFooter></headerFooter>";
  }
  if (!p.rowBreaks.empty()) {
    out += "<rowBreaks count=\"";
    appendInt(out, static_cast<long long>(p.rowBreaks.size()));
    out += "\" manualBreakCount=\"";
    appendInt(out, static_cast<long long>(p.rowBreaks.size()));
    out += "\">";
    for (int r : p.rowBreaks) {  // in the order given, as libxlsxwriter 1.1.4 writes them
      out += "<brk id=\"";
      appendInt(out, r);
      out += "\" max=\"16383\" man=\"1\"/>";
    }
    out += "</rowBreaks>";
  }
}

std::size_t estimatedSize(const Worksheet& ws) {
  std::size_t cells = 0;
  for (const auto& [r, row] : ws.rows()) cells += row.cells.size();
  return 2048 + ws.rows().size() * 64 + cells * 40 + ws.validations().size() * 400 + ws.merges().size() * 32;
}

}  // namespace

std::string worksheetXml(const Workbook&, const Worksheet& ws, const SheetStyles& styles, const SheetRelIds& rels) {
  std::string out;
  out.reserve(estimatedSize(ws));
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">";
  if (ws.page().fitToPages) out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>";
  writeDimension(out, ws);
  writeSheetViews(out, ws);
  out += "<sheetFormatPr defaultRowHeight=\"15\"/>";
  writeColumns(out, ws, styles);
  SheetDataWriter(out, ws, styles).write();
  writeProtection(out, ws);
  if (ws.autofilterRange()) {
    out += "<autoFilter ref=\"";
    appendRange(out, *ws.autofilterRange());
    out += "\"/>";
  }
  writeMerges(out, ws);
  writeConditionalFormats(out, ws, styles);
  writeValidations(out, ws);
  writePrinting(out, ws);
  if (!rels.drawing.empty()) {
    out += "<drawing r:id=\"";
    out += rels.drawing;
    out += "\"/>";
  }
  if (!rels.legacyDrawing.empty()) {
    out += "<legacyDrawing r:id=\"";
    out += rels.legacyDrawing;
    out += "\"/>";
  }
  out += "</worksheet>";
  return out;
}

namespace {
class StyleSheetIndices final : public SheetStyles {
 public:
  explicit StyleSheetIndices(const StyleSheet& s) : s_(s) {}
  int xfIndex(const Format* f) const override { return s_.xfIndex(f); }
  int dxfIndex(const Format* f) const override { return s_.dxfIndex(f); }

 private:
  const StyleSheet& s_;
};
}  // namespace

std::string worksheetXml(const Workbook& wb, const Worksheet& ws, const StyleSheet& styles, const SheetRelIds& rels) {
  return worksheetXml(wb, ws, StyleSheetIndices(styles), rels);
}

std::vector<const Format*> formatsInSheetOrder(const Workbook& wb) {
  std::vector<const Format*> order;
  const Format* dflt = wb.formats().front().get();
  auto meet = [&](const Format* f) {
    if (!f || f == dflt) return;
    if (std::find(order.begin(), order.end(), f) == order.end()) order.push_back(f);
  };
  for (const auto& ws : wb.worksheets()) {
    std::map<int, const ColumnRange*> byFirst;
    for (const ColumnRange& c : ws->columns()) byFirst[c.first] = &c;
    for (const auto& [first, c] : byFirst) meet(c->format);
    const Format* last = nullptr;
    for (const auto& [r, row] : ws->rows()) {
      meet(row.format);
      for (const auto& [c, cell] : row.cells)
        if (cell.format && cell.format != last) meet(last = cell.format);
    }
  }
  return order;
}

}  // namespace vnplan::ooxml
