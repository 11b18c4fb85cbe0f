#include "render/xlsx/content_hash.hpp"

#include "model/digest.hpp"
#include "render/ooxml/xml_text.hpp"


#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace vnplan::xlsx {

namespace {

// Whether any of the eight bytes at `p` is below 0x20 or a backslash (the escaped
// characters are among these).
bool mayNeedEscape(const char* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  const std::uint64_t below20 = (w - kOnes * 0x20) & ~w & kHigh;
  const std::uint64_t x = w ^ (kOnes * '\\');
  const std::uint64_t backslash = (x - kOnes) & ~x & kHigh;
  return (below20 | backslash) != 0;
}

void appendCanonical(std::string& out, const Cell& c) {
  switch (c.type) {
    case CellType::Empty: return;
    case CellType::Text: {
      // Copied in runs between the characters that are escaped (most texts have none).
      const std::string& t = c.text;
      const std::size_t n = t.size();
      std::size_t from = 0;
      for (std::size_t i = 0; i < n; ++i) {
        // Eight bytes at a time while none is a control character or a backslash.
        while (i + 8 <= n && !mayNeedEscape(t.data() + i)) i += 8;
        if (i >= n) break;
        char esc;
        switch (t[i]) {
          case '\\': esc = '\\'; break;
          case '\t': esc = 't'; break;
          case '\n': esc = 'n'; break;
          case '\r': esc = 'r'; break;
          default: continue;
        }
        out.append(t, from, i - from);
        out += '\\';
        out += esc;
        from = i + 1;
      }
      out.append(t, from, std::string::npos);
      return;
    }
    case CellType::Number: {
      // Most numbers are whole (years, months, counts); printf("%.15g") writes those with
      // fewer than 16 digits as the plain integer.
      const double v = c.number;
      if (v > -1e15 && v < 1e15 && v == static_cast<double>(static_cast<long long>(v)) && !(v == 0 && std::signbit(v))) {
        ooxml::appendInt(out, static_cast<long long>(v));
        return;
      }
      char buf[64];
      int n = std::snprintf(buf, sizeof buf, "%.15g", v);
      out.append(buf, static_cast<std::size_t>(n));
      return;
    }
    case CellType::Date: {
      const CalendarDate& d = c.date;
      if (d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 99 && d.day >= 0 && d.day <= 99) {
        char buf[10] = {static_cast<char>('0' + d.year / 1000),       static_cast<char>('0' + d.year / 100 % 10),
                        static_cast<char>('0' + d.year / 10 % 10),    static_cast<char>('0' + d.year % 10),
                        '-',
                        static_cast<char>('0' + d.month / 10),        static_cast<char>('0' + d.month % 10),
                        '-',
                        static_cast<char>('0' + d.day / 10),          static_cast<char>('0' + d.day % 10)};
        out.append(buf, sizeof buf);
        return;
      }
      char buf[32];
      int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.date.year, c.date.month, c.date.day);
      out.append(buf, static_cast<std::size_t>(n));
      return;
    }
  }
}

}  // namespace

std::string canonicalCell(const Cell& c) {
  std::string out;
  appendCanonical(out, c);
  return out;
}

std::string canonicalContent(const std::vector<SheetTable>& tables) {
  std::string out;
  std::size_t estimate = 0;
  for (const auto& t : tables)
    for (const auto& row : t.rows)
      for (const auto& c : row.cells) estimate += c.text.size() + 2;
  out.reserve(estimate + 4096);
  for (const auto& t : tables) {
    out += "table:" + t.id + "\n";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      if (i) out += '\t';
      out += t.columns[i].key;
    }
    out += '\n';
    for (const auto& row : t.rows) {
      for (std::size_t i = 0; i < row.cells.size(); ++i) {
        if (i) out += '\t';
        appendCanonical(out, row.cells[i]);
      }
      out += '\n';
    }
  }
  return out;
}

std::string sha256Hex(const std::string& bytes) { return vnplan::sha256Hex(std::string_view(bytes)); }

std::string contentHash(const std::vector<SheetTable>& tables) { return sha256Hex(canonicalContent(tables)); }

}  // namespace vnplan::xlsx
