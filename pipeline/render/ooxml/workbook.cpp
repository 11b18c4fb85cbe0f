#include "render/ooxml/workbook.hpp"

#include <stdexcept>

#include "render/ooxml/xml_text.hpp"

namespace vnplan::ooxml {

namespace {

constexpr std::size_t kMaxStringChars = 32767;  // Excel's limit for one cell's text
constexpr std::size_t kMaxFormulaChars = 8192;

std::size_t utf8Chars(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

[[noreturn]] void fail(const std::string& what) { throw std::invalid_argument(what); }

std::string at(const std::string& sheet, int row, int col) {
  std::string s = "sheet '" + sheet + "'";
  if (row >= 0 && row < kMaxRows && col >= 0 && col < kMaxCols) s += " cell " + cellName(row, col);
  else s += " row " + std::to_string(row) + " column " + std::to_string(col);
  return s;
}

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool sameIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lowerAscii(a[i]) != lowerAscii(b[i])) return false;
  return true;
}

}  // namespace

// Days since 1899-12-30, Excel's serial date (Excel counts a 29/02/1900 that never was, so
// from 1/3/1900 on this is the same number it shows).
double serialDate(Date d) {
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31 || d.year < 1900 || d.year > 9999)
    fail("invalid date " + std::to_string(d.day) + "/" + std::to_string(d.month) + "/" + std::to_string(d.year));
  // days_from_civil (proleptic Gregorian), then the offset of 1899-12-30.
  const int y = d.year - (d.month <= 2);
  const int era = y / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long long days = static_cast<long long>(era) * 146097 + doe - 719468;  // since 1970-01-01
  double serial = static_cast<double>(days + 25569);
  if (serial < 61) serial -= 1;  // before 1/3/1900 Excel's count has no phantom day yet
  return serial;
}

// ------------------------------------------------------------------------------ Worksheet

void Worksheet::checkCell(int row, int col) const {
  if (row < 0 || row >= kMaxRows || col < 0 || col >= kMaxCols) fail(at(name_, row, col) + ": outside the sheet");
}

void Worksheet::noteUsed(int row, int col, bool addRow, bool addCol) {
  if (addRow) {
    if (row < used_.rowMin) used_.rowMin = row;
    if (row > used_.rowMax) used_.rowMax = row;
  }
  if (addCol) {
    if (col < used_.colMin) used_.colMin = col;
    if (col > used_.colMax) used_.colMax = col;
  }
}

CellData& Worksheet::cell(int row, int col) {
  checkCell(row, col);
  noteUsed(row, col, true, true);
  CellData& c = rows_[row].cells[col];
  c = CellData{};
  return c;
}

void Worksheet::writeString(int row, int col, std::string_view text, const Format* f) {
  if (text.empty()) {
    writeBlank(row, col, f);  // as Excel: an empty text is no value
    return;
  }
  checkCell(row, col);
  if (utf8Chars(text) > kMaxStringChars)
    fail(at(name_, row, col) + ": text longer than " + std::to_string(kMaxStringChars) + " characters");
  CellData& c = cell(row, col);
  c.kind = CellData::Kind::String;
  c.format = f;
  c.sst = wb_->internString(text);
  wb_->noteFormatUse(f);
}

void Worksheet::writeNumber(int row, int col, double value, const Format* f) {
  CellData& c = cell(row, col);
  c.kind = CellData::Kind::Number;
  c.format = f;
  c.number = value;
  wb_->noteFormatUse(f);
}

void Worksheet::writeBlank(int row, int col, const Format* f) {
  checkCell(row, col);
  if (!f) return;  // a blank without a format is nothing
  CellData& c = cell(row, col);
  c.kind = CellData::Kind::Blank;
  c.format = f;
  wb_->noteFormatUse(f);
}

void Worksheet::writeDate(int row, int col, Date d, const Format* f) {
  checkCell(row, col);
  const double serial = serialDate(d);
  writeNumber(row, col, serial, f);
}

namespace {
std::string_view formulaBody(std::string_view formula) {
  if (!formula.empty() && formula.front() == '=') formula.remove_prefix(1);
  return formula;
}
}  // namespace

void Worksheet::writeFormula(int row, int col, std::string_view formula, const Format* f, double cached) {
  checkCell(row, col);
  formula = formulaBody(formula);
  if (formula.empty() || utf8Chars(formula) > kMaxFormulaChars) fail(at(name_, row, col) + ": empty or too long formula");
  CellData& c = cell(row, col);
  c.kind = CellData::Kind::FormulaNumber;
  c.format = f;
  c.formula = std::string(formula);
  c.number = cached;
  wb_->noteFormatUse(f);
}

void Worksheet::writeFormula(int row, int col, std::string_view formula, const Format* f, std::string_view cached) {
  checkCell(row, col);
  formula = formulaBody(formula);
  if (formula.empty() || utf8Chars(formula) > kMaxFormulaChars) fail(at(name_, row, col) + ": empty or too long formula");
  if (utf8Chars(cached) > kMaxStringChars) fail(at(name_, row, col) + ": cached text too long");
  CellData& c = cell(row, col);
  c.kind = CellData::Kind::FormulaString;
  c.format = f;
  c.formula = std::string(formula);
  c.text = std::string(cached);
  wb_->noteFormatUse(f);
}

void Worksheet::mergeRange(int firstRow, int firstCol, int lastRow, int lastCol, std::string_view text, const Format* f) {
  checkCell(firstRow, firstCol);
  checkCell(lastRow, lastCol);
  if (firstRow > lastRow || firstCol > lastCol) fail(at(name_, firstRow, firstCol) + ": merged range is reversed");
  if (firstRow == lastRow && firstCol == lastCol) fail(at(name_, firstRow, firstCol) + ": a merged range needs two cells");
  noteUsed(lastRow, lastCol, true, true);
  writeString(firstRow, firstCol, text, f);
  for (int r = firstRow; r <= lastRow; ++r)
    for (int c = firstCol; c <= lastCol; ++c)
      if (r != firstRow || c != firstCol) writeBlank(r, c, f);
  merges_.push_back({firstRow, firstCol, lastRow, lastCol});
}

void Worksheet::writeComment(int row, int col, std::string_view text, CommentOptions o) {
  checkCell(row, col);
  if (utf8Chars(text) > kMaxStringChars) fail(at(name_, row, col) + ": note longer than 32767 characters");
  noteUsed(row, col, true, true);
  comments_.push_back({row, col, std::string(text), std::string(), o});
}

void Worksheet::setRow(int row, double heightPoints, const Format* f, bool hidden) {
  checkCell(row, 0);
  // No upper bound: libxlsxwriter wrote any height, and a long wrapped text asks for more
  // than Excel's 409 points (spreadsheet programs show at most their maximum).
  if (heightPoints < 0) fail(at(name_, row, 0) + ": negative row height");
  noteUsed(row, used_.colsSet() ? used_.colMin : 0, true, true);
  RowData& r = rows_[row];
  r.height = heightPoints;
  r.format = f;
  r.hidden = hidden;
  if (f) wb_->noteFormatUse(f);
}

void Worksheet::setColumn(int first, int last, double width, const Format* f, bool hidden) {
  if (first > last) std::swap(first, last);
  checkCell(0, first);
  checkCell(0, last);
  if (width < 0 || width > 255) fail(at(name_, 0, first) + ": column width outside 0..255");
  if (f || (hidden && width != 8.43)) {
    noteUsed(0, first, false, true);
    noteUsed(0, last, false, true);
  }
  cols_.push_back({first, last, width, f, hidden});
  if (f) wb_->noteFormatUse(f);
}

void Worksheet::freezePanes(int row, int col) {
  checkCell(row, col);
  frozen_ = std::make_pair(row, col);
}

void Worksheet::autofilter(int firstRow, int firstCol, int lastRow, int lastCol) {
  checkCell(firstRow, firstCol);
  checkCell(lastRow, lastCol);
  if (firstRow > lastRow || firstCol > lastCol) fail(at(name_, firstRow, firstCol) + ": autofilter range is reversed");
  noteUsed(lastRow, lastCol, true, true);
  autofilter_ = CellRange{firstRow, firstCol, lastRow, lastCol};
}

void Worksheet::dataValidation(int firstRow, int firstCol, int lastRow, int lastCol, DataValidation v) {
  checkCell(firstRow, firstCol);
  checkCell(lastRow, lastCol);
  // Excel's limits: an input title of 32 characters, messages of 255, a list of 255 in all.
  if (utf8Chars(v.inputTitle) > 32 || utf8Chars(v.errorTitle) > 32)
    fail(at(name_, firstRow, firstCol) + ": data validation title longer than 32 characters");
  if (utf8Chars(v.inputMessage) > 255 || utf8Chars(v.errorMessage) > 255)
    fail(at(name_, firstRow, firstCol) + ": data validation message longer than 255 characters");
  std::size_t listChars = 0;
  for (const auto& s : v.list) listChars += utf8Chars(s) + 1;
  if (listChars > 256) fail(at(name_, firstRow, firstCol) + ": data validation list longer than 255 characters");
  if (!v.formula.empty() && v.formula.front() == '=') v.formula.erase(0, 1);
  v.range = CellRange{firstRow, firstCol, lastRow, lastCol};
  validations_.push_back(std::move(v));
}

void Worksheet::conditionalFormat(int firstRow, int firstCol, int lastRow, int lastCol, std::string value,
                                  const Format* f) {
  checkCell(firstRow, firstCol);
  checkCell(lastRow, lastCol);
  if (!f) fail(at(name_, firstRow, firstCol) + ": conditional format without a format");
  condFormats_.push_back({CellRange{firstRow, firstCol, lastRow, lastCol}, std::move(value), f});
  wb_->noteConditionalFormat(f);
}

void Worksheet::protect(Protection p) { protection_ = p; }

void Worksheet::insertChart(ChartPlacement p) {
  checkCell(p.row, p.col);
  if (!p.chart) fail(at(name_, p.row, p.col) + ": no chart");
  // As libxlsxwriter: a chart without data is refused (Excel cannot open it).
  if (p.chart->series.empty()) fail(at(name_, p.row, p.col) + ": the chart has no series");
  for (const auto& s : wb_->sheets_)
    for (const auto& placed : s->charts_)
      if (placed.chart == p.chart) fail(at(name_, p.row, p.col) + ": the chart is already on a sheet");
  charts_.push_back(p);
}

void Worksheet::fitToPages(int width, int height) {
  page_.fitToPages = true;
  page_.fitWidth = width;
  page_.fitHeight = height;
}

void Worksheet::setMargins(double left, double right, double top, double bottom) {
  page_.marginsSet = true;
  page_.marginLeft = left;
  page_.marginRight = right;
  page_.marginTop = top;
  page_.marginBottom = bottom;
}

void Worksheet::setFooter(std::string_view text, double marginInches) {
  if (utf8Chars(text) > 255) fail("sheet '" + name_ + "': footer longer than 255 characters");
  page_.footer = std::string(text);
  page_.footerMargin = marginInches;
}

void Worksheet::repeatRows(int first, int last) {
  if (first > last) std::swap(first, last);
  checkCell(first, 0);
  checkCell(last, 0);
  page_.repeatRows = std::make_pair(first, last);
}

void Worksheet::printArea(int firstRow, int firstCol, int lastRow, int lastCol) {
  checkCell(firstRow, firstCol);
  checkCell(lastRow, lastCol);
  page_.printArea = CellRange{firstRow, firstCol, lastRow, lastCol};
}

void Worksheet::setRowBreaks(std::vector<int> rows) {
  for (int r : rows) checkCell(r, 0);
  if (rows.size() > 1023) fail("sheet '" + name_ + "': more than 1023 page breaks");
  page_.rowBreaks = std::move(rows);
}

// ------------------------------------------------------------------------------- Workbook

Workbook::Workbook() { formats_.push_back(std::make_unique<Format>()); }

Worksheet& Workbook::addWorksheet(std::string_view name) {
  const std::string n(name);
  const std::size_t chars = utf8Chars(name);
  if (chars == 0 || chars > 31) fail("sheet name '" + n + "': must have 1 to 31 characters");
  if (name.find_first_of("[]:*?/\\") != std::string_view::npos)
    fail("sheet name '" + n + "': must not contain [ ] : * ? / \\");
  if (name.front() == '\'' || name.back() == '\'') fail("sheet name '" + n + "': must not start or end with '");
  for (const auto& s : sheets_)
    if (sameIgnoringAsciiCase(s->name(), name)) fail("sheet name '" + n + "': used twice");
  sheets_.push_back(std::unique_ptr<Worksheet>(new Worksheet(*this, n, static_cast<int>(sheets_.size()))));
  return *sheets_.back();
}

Format* Workbook::addFormat() {
  formats_.push_back(std::make_unique<Format>());
  return formats_.back().get();
}

Chart& Workbook::addChart(Chart::Type type) {
  charts_.push_back(std::make_unique<Chart>(type, static_cast<int>(charts_.size())));
  return *charts_.back();
}

void Workbook::defineName(std::string_view name, std::string_view formula) {
  const std::string n(name);
  if (name.empty() || utf8Chars(name) > 255) fail("defined name '" + n + "': must have 1 to 255 characters");
  const unsigned char first = static_cast<unsigned char>(name.front());
  if (!(first >= 0x80 || (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first == '_' || first == '\\'))
    fail("defined name '" + n + "': must start with a letter, '_' or '\\'");
  for (unsigned char c : name)
    if (!(c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '.' || c == '\\'))
      fail("defined name '" + n + "': may hold only letters, digits, '_', '.' and '\\'");
  for (const auto& d : names_)
    if (sameIgnoringAsciiCase(d.name, name)) fail("defined name '" + n + "': defined twice");
  if (!formula.empty() && formula.front() == '=') formula.remove_prefix(1);
  if (formula.empty()) fail("defined name '" + n + "': no formula");
  names_.push_back({n, std::string(formula)});
}

void Workbook::setCustomProperty(std::string_view name, std::string_view value) {
  if (name.empty() || utf8Chars(name) > 255 || utf8Chars(value) > 255)
    fail("custom property '" + std::string(name) + "': name and value must have at most 255 characters");
  custom_.emplace_back(std::string(name), std::string(value));
}

std::int32_t Workbook::internString(std::string_view s) {
  ++stringWrites_;
  auto it = sstIndex_.find(s);
  if (it != sstIndex_.end()) return it->second;
  const auto index = static_cast<std::int32_t>(sst_.size());
  sst_.emplace_back(s);
  sstIndex_.emplace(std::string(s), index);
  return index;
}

void Workbook::noteFormatUse(const Format* f) {
  if (!f) return;
  for (const Format* g : formatUse_)
    if (g == f) return;
  formatUse_.push_back(f);
}

void Workbook::noteConditionalFormat(const Format* f) {
  for (const Format* g : dxfUse_)
    if (g == f) return;
  dxfUse_.push_back(f);
}

}  // namespace vnplan::ooxml
