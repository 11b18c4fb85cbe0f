#pragma once
// Error checks around libxlsxwriter: every call's result is checked, and no text reaches
// the writer unless it is valid UTF-8 within Excel's cell limit (invalid UTF-8 would be
// written through and corrupt the XML).
#include <string>
#include <string_view>

#include <xlsxwriter.h>

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

// Throws std::runtime_error("<what>: <libxlsxwriter message>") unless err is LXW_NO_ERROR.
void check(lxw_error err, std::string_view what);
void check(lxw_error err, const CellRef& where);

// Throws std::runtime_error naming `where` if `text` is not valid UTF-8, holds a NUL or is
// longer than `maxChars` characters; returns text.c_str() otherwise.
const char* checkedText(const std::string& text, std::string_view where, std::size_t maxChars = kMaxCellChars);
const char* checkedText(const std::string& text, const CellRef& where);

}  // namespace vnplan::xlsx
