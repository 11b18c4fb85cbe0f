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
// Decodes the code point starting at s[i] (input must be valid UTF-8); advances i.
char32_t nextCodePoint(std::string_view s, size_t& i);
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
