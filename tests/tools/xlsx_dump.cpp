// Prints what the XLSX reader makes of a workbook, as JSON, for the end-to-end tests that
// check files written by other programs (openpyxl, LibreOffice). Problems go to stderr in
// the reader's own located form; the exit status is 1 then.
#include <cstdio>
#include <iostream>
#include <string>

#include "load/xlsx_reader.hpp"

namespace {

std::string json(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

const char* kindName(vnplan::XlsxCell::Kind k) {
  switch (k) {
    case vnplan::XlsxCell::Kind::Number: return "number";
    case vnplan::XlsxCell::Kind::Text: return "text";
    case vnplan::XlsxCell::Kind::Boolean: return "boolean";
    case vnplan::XlsxCell::Kind::Error: return "error";
  }
  return "?";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: vnplan_xlsx_dump FILE.xlsx\n";
    return 2;
  }
  vnplan::Diagnostics d;
  auto wb = vnplan::readXlsxFile(argv[1], d);
  for (const auto& x : d.items) std::cerr << vnplan::formatDiagnostic(x, vnplan::Lang::Vi) << "\n";
  if (!wb) return 1;
  std::cout << "{\"date1904\":" << (wb->date1904 ? "true" : "false") << ",\"definedNames\":{";
  bool first = true;
  for (const auto& [k, v] : wb->definedNames) {
    std::cout << (first ? "" : ",") << json(k) << ":" << json(v);
    first = false;
  }
  std::cout << "},\"sheets\":[";
  for (size_t i = 0; i < wb->sheets.size(); ++i) {
    const auto& s = wb->sheets[i];
    std::cout << (i ? "," : "") << "{\"name\":" << json(s.name) << ",\"hidden\":" << (s.hidden ? "true" : "false")
              << ",\"veryHidden\":" << (s.veryHidden ? "true" : "false")
              << ",\"protected\":" << (s.protectedSheet ? "true" : "false") << ",\"cells\":{";
    for (size_t k = 0; k < s.cells.size(); ++k) {
      const auto& c = s.cells[k];
      char num[40];
      std::snprintf(num, sizeof num, "%.17g", c.number);
      std::cout << (k ? "," : "") << json(c.ref()) << ":{\"kind\":\"" << kindName(c.kind) << "\",\"text\":" << json(c.text)
                << ",\"number\":" << num << ",\"formula\":" << (c.formula ? "true" : "false")
                << ",\"date\":" << (c.dateFormat ? "true" : "false") << ",\"locked\":" << (c.locked ? "true" : "false");
      if (c.dateFormat && c.kind == vnplan::XlsxCell::Kind::Number) {
        if (auto dt = vnplan::xlsxSerialToDate(c.number, wb->date1904)) {
          char buf[16];
          std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", dt->year, dt->month, dt->day);
          std::cout << ",\"iso\":\"" << buf << "\"";
        }
      }
      std::cout << "}";
    }
    std::cout << "}}";
  }
  std::cout << "]}\n";
  return 0;
}
