#include "render/xlsx/xlsx_error.hpp"

#include <stdexcept>

#include "model/text.hpp"
#include "render/xlsx/column_keys.hpp"

namespace vnplan::xlsx {

namespace {

// The problem with `text`, or "" when it may be written.
std::string textProblem(const std::string& text, std::size_t maxChars) {
  if (!isValidUtf8(text)) return "text is not valid UTF-8";
  if (text.find('\0') != std::string::npos) return "text contains a NUL byte";
  if (text.size() > maxChars) {  // bytes >= characters: count only when it may matter
    std::size_t chars = 0;
    for (unsigned char c : text)
      if ((c & 0xC0) != 0x80) ++chars;
    if (chars > maxChars)
      return "text has " + std::to_string(chars) + " characters; a spreadsheet cell holds at most " +
             std::to_string(maxChars);
  }
  return "";
}

}  // namespace

std::string CellRef::str() const {
  return "sheet '" + std::string(sheet) + "' cell " + columnLetters(col) + std::to_string(row + 1);
}

void check(lxw_error err, std::string_view what) {
  if (err != LXW_NO_ERROR) throw std::runtime_error(std::string(what) + ": " + lxw_strerror(err));
}

void check(lxw_error err, const CellRef& where) {
  if (err != LXW_NO_ERROR) throw std::runtime_error(where.str() + ": " + lxw_strerror(err));
}

const char* checkedText(const std::string& text, std::string_view where, std::size_t maxChars) {
  std::string problem = textProblem(text, maxChars);
  if (!problem.empty()) throw std::runtime_error(std::string(where) + ": " + problem);
  return text.c_str();
}

const char* checkedText(const std::string& text, const CellRef& where) {
  std::string problem = textProblem(text, kMaxCellChars);
  if (!problem.empty()) throw std::runtime_error(where.str() + ": " + problem);
  return text.c_str();
}

}  // namespace vnplan::xlsx
