#include "render/xlsx/xlsx_error.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "model/text.hpp"
#include "render/xlsx/column_keys.hpp"

namespace vnplan::xlsx {

namespace {

enum class Scan { Ok, InvalidUtf8, Nul };

// Whether `s` is valid UTF-8 (as isValidUtf8: no overlong forms, surrogates or code points
// above U+10FFFF) without a NUL byte, in one pass: every cell is checked, and most of its
// bytes are ASCII, taken eight at a time.
Scan scanText(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = p + s.size();
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL, kOnes = 0x0101010101010101ULL;
  bool nul = false;
  // One character at p; false if it is not valid UTF-8.
  const auto step = [&]() {
    const unsigned c = *p;
    const auto cont = [&](std::ptrdiff_t k) { return (p[k] & 0xC0) == 0x80; };
    if (c < 0x80) {
      nul = nul || c == 0;
      ++p;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (end - p < 2 || !cont(1)) return false;
      p += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (end - p < 3 || !cont(1) || !cont(2)) return false;
      if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F)) return false;  // overlong, surrogate
      p += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (end - p < 4 || !cont(1) || !cont(2) || !cont(3)) return false;
      if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F)) return false;  // overlong, > U+10FFFF
      p += 4;
    } else {
      return false;
    }
    return true;
  };
  while (end - p >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    if ((w & kHigh) == 0 && ((w - kOnes) & ~w & kHigh) == 0) {  // eight ASCII bytes, none NUL
      p += 8;
      continue;
    }
    // Character by character to the end of the block (the last may reach past it).
    for (const auto* blockEnd = p + 8; p < blockEnd;)
      if (!step()) return Scan::InvalidUtf8;
  }
  while (p < end)
    if (!step()) return Scan::InvalidUtf8;
  return nul ? Scan::Nul : Scan::Ok;
}

// The problem with `text`, or "" when it may be written.
std::string textProblem(const std::string& text, std::size_t maxChars) {
  const Scan scan = scanText(text);
  if (scan == Scan::InvalidUtf8) return "text is not valid UTF-8";
  if (scan == Scan::Nul) return "text contains a NUL byte";
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

const std::string& checkedText(const std::string& text, std::string_view where, std::size_t maxChars) {
  if (text.size() <= maxChars && scanText(text) == Scan::Ok) return text;
  std::string problem = textProblem(text, maxChars);
  if (!problem.empty()) throw std::runtime_error(std::string(where) + ": " + problem);
  return text;
}

const std::string& checkedText(const std::string& text, const CellRef& where) {
  if (text.size() <= kMaxCellChars && scanText(text) == Scan::Ok) return text;
  std::string problem = textProblem(text, kMaxCellChars);
  if (!problem.empty()) throw std::runtime_error(where.str() + ": " + problem);
  return text;
}

}  // namespace vnplan::xlsx
