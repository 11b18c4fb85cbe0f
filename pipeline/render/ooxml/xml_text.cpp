#include "render/ooxml/xml_text.hpp"

#include <cstdio>

namespace vnplan::ooxml {

namespace {

template <bool Attr>
void appendEscaped(std::string& out, std::string_view s) {
  std::size_t from = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const char* rep = nullptr;
    switch (c) {
      case '&': rep = "&amp;"; break;
      case '<': rep = "&lt;"; break;
      case '>': rep = "&gt;"; break;
      case '"':
        if (Attr) rep = "&quot;";
        break;
      default: break;
    }
    if (!rep) continue;
    out.append(s.data() + from, i - from);
    out.append(rep);
    from = i + 1;
  }
  out.append(s.data() + from, s.size() - from);
}

}  // namespace

void appendText(std::string& out, std::string_view s) { appendEscaped<false>(out, s); }
void appendAttr(std::string& out, std::string_view s) { appendEscaped<true>(out, s); }

void appendNumber(std::string& out, double v) {
  char buf[40];
  const int n = std::snprintf(buf, sizeof buf, "%.16G", v);
  out.append(buf, static_cast<std::size_t>(n));
}

void appendInt(std::string& out, long long v) {
  char buf[24];
  char* p = buf + sizeof buf;
  const bool neg = v < 0;
  unsigned long long u = neg ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
  do {
    *--p = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u);
  if (neg) *--p = '-';
  out.append(p, static_cast<std::size_t>(buf + sizeof buf - p));
}

void appendColumnName(std::string& out, int col) {
  char buf[4];
  int n = 0;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) buf[n++] = static_cast<char>('A' + (c - 1) % 26);
  while (n) out.push_back(buf[--n]);
}

void appendCellName(std::string& out, int row, int col, bool absolute) {
  if (absolute) out.push_back('$');
  appendColumnName(out, col);
  if (absolute) out.push_back('$');
  appendInt(out, row + 1);
}

std::string cellName(int row, int col, bool absolute) {
  std::string s;
  appendCellName(s, row, col, absolute);
  return s;
}

std::string rangeName(int firstRow, int firstCol, int lastRow, int lastCol, bool absolute) {
  std::string s;
  appendCellName(s, firstRow, firstCol, absolute);
  if (firstRow != lastRow || firstCol != lastCol) {
    s.push_back(':');
    appendCellName(s, lastRow, lastCol, absolute);
  }
  return s;
}

std::string quotedSheetName(std::string_view sheet) {
  bool plain = !sheet.empty();
  for (char c : sheet)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'))
      plain = false;
  if (plain) return std::string(sheet);
  std::string s = "'";
  for (char c : sheet) {
    if (c == '\'') s.push_back('\'');
    s.push_back(c);
  }
  s.push_back('\'');
  return s;
}

}  // namespace vnplan::ooxml
