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

// Throws std::runtime_error("<what>: <libxlsxwriter message>") unless err is LXW_NO_ERROR.
void check(lxw_error err, std::string_view what);

// Throws std::runtime_error naming `where` if `text` is not valid UTF-8 or is longer
// than `maxChars` characters; returns text.c_str() otherwise.
const char* checkedText(const std::string& text, std::string_view where, std::size_t maxChars = kMaxCellChars);

}  // namespace vnplan::xlsx
