// The quick ways through text checks the loaders take for every text of every file, against
// the slow ways they replace.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <string>
#include <vector>

#include "load/nfc_text.hpp"
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

// isValidUtf8 (model/text.cpp) against a plain decoder that puts each code point together:
// every string of one and two bytes, every three-byte string whose bytes are each "interesting"
// and every four-byte lead with its edge second bytes, alone, after ASCII and inside longer text.
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

// Every character nfcOf passes without ICU is one ICU calls NFC on its own, never changed by
// what stands before or after it (quick check Yes, combining class 0).
TEST(NfcOf, CharactersPassedWithoutIcuAreNfcOnTheirOwn) {
  size_t passed = 0;
  for (char32_t cp = 0; cp < 0x110000; ++cp) {
    if (!vnplan::nfcWithoutIcu(cp)) continue;
    ++passed;
    EXPECT_EQ(u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK), UNORM_YES) << std::hex << static_cast<uint32_t>(cp);
    EXPECT_EQ(u_getCombiningClass(static_cast<UChar32>(cp)), 0) << std::hex << static_cast<uint32_t>(cp);
  }
  EXPECT_GT(passed, 900u);
}

TEST(NfcOf, SameAsToNfc) {
  const std::vector<std::string> texts = {
      "",
      "Kế hoạch chuyển đổi số xã Thái Hà, tỉnh Tuyên Vạn",
      "Ủy ban nhân dân — “quý II/năm 2026” … 5.000 ₫",
      "Ke\xCC\x82\xCC\x81 hoa\xCC\xA3" "ch",        // decomposed: must be composed
      "e\xCC\x81",                                // e + combining acute
      "\xE1\xBB\x87\xCC\x80",                      // ệ + combining grave (no composition, reordering)
      "a\xCC\xA3\xCC\x82",                          // combining marks out of order for NFC
      "\xE2\x80\x80 \xE2\x84\xA6 \xE2\x84\xAB",        // U+2000, Ohm sign, Angstrom sign: singletons
      "\xEA\xB0\x80 \xE1\x84\x80\xE1\x85\xA1",         // Hangul syllable, conjoining jamo
      "\xF0\x9F\x98\x80 \xEF\xAC\x9D",                // emoji, an excluded Hebrew composition
      "\xC2\xA0\xC3\xA9\xC4\x91\xC6\xA1\xC6\xB0\xCB\xBF", // below U+0300
      "\xCD\x80 \xCD\xB4 \xCE\x87",                   // U+0340, U+0374, U+0387: not NFC
  };
  for (const auto& t : texts) EXPECT_EQ(vnplan::nfcOf(t), vnplan::toNfc(t)) << t;
  EXPECT_NE(vnplan::nfcOf("e\xCC\x81"), "e\xCC\x81");
}
