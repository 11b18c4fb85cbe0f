#pragma once
// Text checks before the XLSX writer (render/ooxml): no text reaches a workbook unless it is
// valid UTF-8 without a NUL, within Excel's cell limit (invalid UTF-8 would be written through
// and corrupt the XML). The writer itself throws std::invalid_argument naming the sheet and
// cell for anything else out of range.
#include <string>
#include <string_view>

namespace vnplan::xlsx {

// Excel's limit for one cell, counted in characters (code points).
inline constexpr std::size_t kMaxCellChars = 32767;

// A cell, named in error messages only when something fails (building the name for
// every cell would cost more than writing it).
struct CellRef {
  std::string_view sheet;
  int row = 0, col = 0;  // 0-based
  std::string str() const;  // "sheet 'Phụ lục II' cell B7"
};

// Throws std::runtime_error naming `where` if `text` is not valid UTF-8, holds a NUL or is
// longer than `maxChars` characters; returns text otherwise.
const std::string& checkedText(const std::string& text, std::string_view where, std::size_t maxChars = kMaxCellChars);
const std::string& checkedText(const std::string& text, const CellRef& where);

}  // namespace vnplan::xlsx
