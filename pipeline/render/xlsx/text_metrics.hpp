#pragma once
// Text measures in Excel column-width units (one unit = the digit width of the workbook's
// default font, 12 pt Times New Roman: 8 px at 96 dpi) for Times New Roman, whose advance widths Liberation Serif shares.
// Spreadsheet programs do not fit row heights to wrapped text in a written workbook
// (LibreOffice keeps the default height; neither fits merged cells), so the writer sets
// every row's height from these measures.
#include <string_view>

namespace vnplan::xlsx {

inline constexpr double kPxPerUnit = 8;

struct FontMetrics {
  double size = 12;  // points
  bool bold = false;
  bool italic = false;
};

double textWidthUnits(std::string_view utf8, const FontMetrics& f);
// Width of the longest word (split at spaces and line breaks).
double longestWordUnits(std::string_view utf8, const FontMetrics& f);
// Lines the text takes when wrapped at spaces into a column `widthUnits` wide ("\n" breaks too).
int wrappedLines(std::string_view utf8, double widthUnits, const FontMetrics& f);
// Row height in points for `lines` lines.
double rowHeightPoints(int lines, const FontMetrics& f);

}  // namespace vnplan::xlsx
