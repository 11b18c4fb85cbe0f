#pragma once
// Pure text helpers used by every stage (no I/O).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnplan {

bool isValidUtf8(std::string_view s);
// Unicode NFC (ICU). Input must be valid UTF-8.
std::string toNfc(std::string_view s);
// Lower case (full Unicode), NFC, whitespace runs collapsed to one space, trimmed.
std::string foldForMatching(std::string_view s);
std::string toUpper(std::string_view s);
// Decodes the code point starting at s[i] and advances i past it. A malformed or cut
// sequence gives U+FFFD and advances one byte (loaded text is valid UTF-8; this keeps a bad
// byte from reading past the end). The one decoder of the pipeline, inline: the layout and
// the page and workbook writers call it for every character they measure or write.
inline char32_t nextCodePoint(std::string_view s, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) {
    ++i;
    return c;
  }
  const size_t len = (c >= 0xF0 && c < 0xF8) ? 4 : (c >= 0xE0 && c < 0xF0) ? 3 : (c >= 0xC0 && c < 0xE0) ? 2 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += len;
  return cp;
}
// Line and column (1-based, columns in characters) of a byte offset.
std::pair<int, int> lineColumnOf(std::string_view s, size_t offset);
// Decodes UTF-8 into code points (input must be valid).
std::u32string decodeUtf8(std::string_view s);
std::string encodeUtf8(char32_t cp);
// Splits on ASCII whitespace; no empty words.
std::vector<std::string> splitWords(std::string_view s);
// Vietnamese number formatting: 1.234,5
std::string formatVietnameseNumber(double v, int decimals);
std::string trim(std::string_view s);

}  // namespace vnplan
