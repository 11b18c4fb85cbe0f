// isValidUtf8 (model/text.cpp) against a plain decoder that puts each code point together:
// every string of one and two bytes, every three-byte string whose bytes are each "interesting"
// and every four-byte lead with its edge second bytes, alone, after ASCII and inside longer text.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/text.hpp"

namespace {

bool referenceValid(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    char32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

}  // namespace

TEST(IsValidUtf8, AgreesWithAPlainDecoder) {
  std::vector<unsigned char> edges = {0x00, 0x0A, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                                      0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7,
                                      0xF8, 0xFF};
  const std::vector<std::string> contexts[] = {{"", ""}, {"abcdefghij", ""}, {"", "klmnopqrst"}, {"Việt ", " Nam 12345678"}};
  size_t checked = 0, valid = 0;
  auto check = [&](const std::string& core) {
    for (const auto& ctx : contexts) {
      const std::string s = ctx[0] + core + ctx[1];
      const bool expected = referenceValid(s);
      EXPECT_EQ(vnplan::isValidUtf8(s), expected) << testing::PrintToString(s);
      ++checked;
      valid += expected;
    }
  };
  for (int a = 0; a < 256; ++a) {
    check(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) check(std::string{static_cast<char>(a), static_cast<char>(b)});
  }
  for (unsigned char a : edges)
    for (unsigned char b : edges)
      for (unsigned char c : edges) {
        check(std::string{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
        for (unsigned char d : edges)
          if (a >= 0xF0) check(std::string{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), static_cast<char>(d)});
      }
  EXPECT_GT(checked, 250000u);
  EXPECT_GT(valid, 1000u);
  EXPECT_LT(valid, checked);
}
