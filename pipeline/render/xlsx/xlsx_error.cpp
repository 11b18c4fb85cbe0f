#include "render/xlsx/xlsx_error.hpp"

#include <stdexcept>

#include "model/text.hpp"

namespace vnplan::xlsx {

void check(lxw_error err, std::string_view what) {
  if (err != LXW_NO_ERROR) throw std::runtime_error(std::string(what) + ": " + lxw_strerror(err));
}

const char* checkedText(const std::string& text, std::string_view where, std::size_t maxChars) {
  if (!isValidUtf8(text)) throw std::runtime_error(std::string(where) + ": text is not valid UTF-8");
  if (text.find('\0') != std::string::npos) throw std::runtime_error(std::string(where) + ": text contains a NUL byte");
  if (text.size() > maxChars) {  // bytes >= characters: count only when it may matter
    std::size_t chars = 0;
    for (unsigned char c : text)
      if ((c & 0xC0) != 0x80) ++chars;
    if (chars > maxChars)
      throw std::runtime_error(std::string(where) + ": text has " + std::to_string(chars) +
                               " characters; a spreadsheet cell holds at most " + std::to_string(maxChars));
  }
  return text.c_str();
}

}  // namespace vnplan::xlsx
