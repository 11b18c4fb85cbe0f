#include "render/xlsx/content_hash.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <cstdio>

namespace vnplan::xlsx {

std::string canonicalCell(const Cell& c) {
  switch (c.type) {
    case CellType::Empty: return "";
    case CellType::Text: {
      std::string out;
      out.reserve(c.text.size());
      for (char ch : c.text) {
        switch (ch) {
          case '\\': out += "\\\\"; break;
          case '\t': out += "\\t"; break;
          case '\n': out += "\\n"; break;
          case '\r': out += "\\r"; break;
          default: out += ch;
        }
      }
      return out;
    }
    case CellType::Number: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.15g", c.number);
      return buf;
    }
    case CellType::Date: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.date.year, c.date.month, c.date.day);
      return buf;
    }
  }
  return "";
}

std::string canonicalContent(const std::vector<SheetTable>& tables) {
  std::string out;
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
        out += canonicalCell(row.cells[i]);
      }
      out += '\n';
    }
  }
  return out;
}

std::string sha256Hex(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), bytes.size());
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string contentHash(const std::vector<SheetTable>& tables) { return sha256Hex(canonicalContent(tables)); }

}  // namespace vnplan::xlsx
