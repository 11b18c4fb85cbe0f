#include "layout/font_metrics.hpp"

namespace vnplan {

double FontMetrics::width(FontFace face, double size, std::string_view utf8) const {
  // Decoded here rather than through nextCodePoint (model/text): an out-of-line call per
  // character was a quarter of the cost of measuring. Same decoding, lead byte first.
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  const size_t n = utf8.size();
  double w = 0;
  for (size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    char32_t cp;
    size_t len;
    if (c < 0x80) {
      cp = c;
      len = 1;
    } else if ((c & 0xE0) == 0xC0) {
      cp = c & 0x1F;
      len = 2;
    } else if ((c & 0xF0) == 0xE0) {
      cp = c & 0x0F;
      len = 3;
    } else {
      cp = c & 0x07;
      len = 4;
    }
    for (size_t k = 1; k < len && i + k < n; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    i += len;
    w += advance(face, cp);
  }
  return w * size / 1000.0;
}

}  // namespace vnplan
