#include "load/nfc_text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include "model/text.hpp"

namespace vnplan {

bool nfcWithoutIcu(char32_t cp) {
  return cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x2027) ||
         (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20C0);
}

std::string nfcOf(const std::string& s) {
  // Nearly every text of a plan is Vietnamese written with precomposed letters: it passes
  // here in one look at each character.
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* const end = p + s.size();
  bool plain = true;
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    if (c < 0xE0) {  // two bytes: below U+0300 exactly when the lead is below 0xCC
      if (c < 0xC2 || c >= 0xCC || end - p < 2) {
        plain = false;
        break;
      }
      p += 2;
      continue;
    }
    if (c >= 0xF0 || end - p < 3 ||
        !nfcWithoutIcu((static_cast<char32_t>(c & 0x0F) << 12) | (static_cast<char32_t>(p[1] & 0x3F) << 6) |
                       static_cast<char32_t>(p[2] & 0x3F))) {
      plain = false;
      break;
    }
    p += 3;
  }
  if (plain) return s;
  // Otherwise ICU's check, which reads UTF-8 as it is, before the trip through UTF-16.
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_SUCCESS(err) && nfc->isNormalizedUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), err) &&
      U_SUCCESS(err))
    return s;
  return toNfc(s);
}

}  // namespace vnplan
