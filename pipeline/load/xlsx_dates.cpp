// Dates in workbooks: serial numbers (1900 and 1904 systems) and dates typed as text;
// cell references and diagnostic places. No I/O.
#include <algorithm>
#include <cmath>

#include "load/xlsx_reader.hpp"

namespace vnplan {

std::optional<CalendarDate> xlsxSerialToDate(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958465.0 + 1462) return std::nullopt;  // 9999-12-31
  const long whole = static_cast<long>(std::floor(serial));
  if (date1904) return civilFromDays(daysFromCivil({1904, 1, 1}) + whole);
  // 1900 system: day 1 is 1900-01-01, and Excel (after Lotus 1-2-3) counts a 29 Feb 1900 that
  // never was as day 60; from day 61 on the epoch is therefore 1899-12-30.
  if (whole < 1 || whole == 60) return std::nullopt;
  if (whole < 60) return civilFromDays(daysFromCivil({1899, 12, 31}) + whole);
  return civilFromDays(daysFromCivil({1899, 12, 30}) + whole);
}

double xlsxDateToSerial(const CalendarDate& date, bool date1904) {
  const long days = daysFromCivil(date);
  if (date1904) return static_cast<double>(days - daysFromCivil({1904, 1, 1}));
  const long serial = days - daysFromCivil({1899, 12, 30});
  return static_cast<double>(serial < 61 ? serial - 1 : serial);
}

namespace {

// Reads 1..maxDigits ASCII digits at s[i]; advances i.
bool readNumber(std::string_view s, size_t& i, size_t maxDigits, int& out) {
  size_t start = i;
  int v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < maxDigits) v = v * 10 + (s[i++] - '0');
  if (i == start || (i < s.size() && s[i] >= '0' && s[i] <= '9')) return false;
  out = v;
  return true;
}

}  // namespace

std::optional<CalendarDate> parseCellDateText(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  size_t i = 0;
  int a = 0, b = 0, c = 0;
  if (!readNumber(text, i, 4, a)) return std::nullopt;
  const size_t firstLen = i;
  if (i >= text.size()) return std::nullopt;
  const char sep = text[i];
  if (sep != '/' && sep != '-' && sep != '.') return std::nullopt;
  ++i;
  if (!readNumber(text, i, 2, b)) return std::nullopt;
  if (i >= text.size() || text[i] != sep) return std::nullopt;
  ++i;
  const size_t thirdStart = i;
  if (!readNumber(text, i, 4, c)) return std::nullopt;
  if (i != text.size()) return std::nullopt;
  CalendarDate date;
  if (firstLen == 4) {
    // ISO order 2026-03-15 (also 2026/03/15).
    date = {a, b, c};
    if (i - thirdStart > 2) return std::nullopt;
  } else {
    // Vietnamese order day/month/year; the year written in full.
    if (firstLen > 2 || i - thirdStart != 4) return std::nullopt;
    date = {c, b, a};
  }
  if (date.year < 1900 || !isValidDate(date.year, date.month, date.day)) return std::nullopt;
  return date;
}

std::string xlsxColumnName(uint32_t col) {
  std::string s;
  while (col > 0) {
    --col;
    s.insert(s.begin(), static_cast<char>('A' + col % 26));
    col /= 26;
  }
  return s;
}

std::string xlsxCellRef(uint32_t row, uint32_t col) { return xlsxColumnName(col) + std::to_string(row); }

bool parseCellRef(std::string_view ref, uint32_t& row, uint32_t& col) {
  size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  uint64_t c = 0;
  size_t letters = 0;
  while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
    c = c * 26 + static_cast<uint64_t>((ref[i] | 0x20) - 'a' + 1);
    ++i;
    if (++letters > 3) return false;
  }
  if (letters == 0) return false;
  if (i < ref.size() && ref[i] == '$') ++i;
  uint64_t r = 0;
  size_t digits = 0;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    r = r * 10 + static_cast<uint64_t>(ref[i] - '0');
    ++i;
    if (++digits > 7) return false;
  }
  if (i != ref.size() || digits == 0 || r < 1 || r > 1048576 || c > 16384) return false;
  row = static_cast<uint32_t>(r);
  col = static_cast<uint32_t>(c);
  return true;
}

std::string xlsxPlace(const std::string& file, std::string_view sheet, uint32_t row, uint32_t col) {
  std::string s = file;
  if (!sheet.empty()) {
    s += '!';
    s += sheet;
    if (row > 0 && col > 0) s += '!' + xlsxCellRef(row, col);
  }
  return s;
}

std::string XlsxCell::ref() const { return xlsxCellRef(row, col); }

const XlsxCell* XlsxSheet::at(uint32_t r, uint32_t c) const {
  auto it = std::lower_bound(cells.begin(), cells.end(), std::pair{r, c},
                             [](const XlsxCell& x, const std::pair<uint32_t, uint32_t>& k) {
                               return x.row != k.first ? x.row < k.first : x.col < k.second;
                             });
  return it != cells.end() && it->row == r && it->col == c ? &*it : nullptr;
}

const XlsxSheet* XlsxWorkbook::sheet(std::string_view name) const {
  for (const auto& s : sheets)
    if (s.name == name) return &s;
  return nullptr;
}

bool isBuiltinDateFormat(uint32_t id) {
  // 14–22 and 45–47 everywhere; 27–36 and 50–58 are the East Asian locales' date formats.
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

bool isDateFormatCode(std::string_view code) {
  for (size_t i = 0; i < code.size(); ++i) {
    const char ch = code[i];
    if (ch == '"') {  // literal text
      size_t end = code.find('"', i + 1);
      if (end == std::string_view::npos) return false;
      i = end;
    } else if (ch == '\\' || ch == '_' || ch == '*') {  // escaped, spacing and fill characters
      ++i;
    } else if (ch == '[') {  // colour, condition, locale; [h] [mm] [ss] are elapsed times
      size_t end = code.find(']', i + 1);
      if (end == std::string_view::npos) return false;
      std::string_view inner = code.substr(i + 1, end - i - 1);
      bool elapsed = !inner.empty();
      for (char x : inner) elapsed = elapsed && (x == 'h' || x == 'H' || x == 'm' || x == 'M' || x == 's' || x == 'S');
      if (elapsed) return true;
      i = end;
    } else {
      const char lower = static_cast<char>(ch | 0x20);
      if (lower == 'd' || lower == 'm' || lower == 'y' || lower == 'h' || lower == 's') return true;
    }
  }
  return false;
}

}  // namespace vnplan
