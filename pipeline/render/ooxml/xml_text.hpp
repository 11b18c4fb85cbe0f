#pragma once
// Small helpers shared by every part writer: XML escaping into a growing string, numbers the
// way SpreadsheetML files conventionally carry them, and A1 cell names.
#include <string>
#include <string_view>

namespace vnplan::ooxml {

// Character data: & < > escaped (the text must already be valid UTF-8).
void appendText(std::string& out, std::string_view s);
// Attribute value (double quotes): & < > " escaped.
void appendAttr(std::string& out, std::string_view s);
// A number as printf("%.16G") writes it (libxlsxwriter's and Excel's usual form: 4.7109375,
// 0.5905511811023622, 1E+20).
void appendNumber(std::string& out, double v);
void appendInt(std::string& out, long long v);
// "A".."XFD"
void appendColumnName(std::string& out, int col);
// "B7" (0-based row and column); absolute: "$B$7".
void appendCellName(std::string& out, int row, int col, bool absolute = false);
std::string cellName(int row, int col, bool absolute = false);
// "A1:C5" (or "A1" when the range is one cell).
std::string rangeName(int firstRow, int firstCol, int lastRow, int lastCol, bool absolute = false);
// A sheet name as formulas (defined names, chart ranges) carry it: quoted ('Phụ lục II'),
// ' doubled inside, unless it is only ASCII letters, digits, '_' and '.' — libxlsxwriter's rule,
// kept for byte-identical packages (so "1x" and "a.b" stay bare; vnplan's own sheet names are
// all quoted or plain words either way).
std::string quotedSheetName(std::string_view sheet);

}  // namespace vnplan::ooxml
