#include "layout/font_metrics.hpp"

#include "model/text.hpp"

#include <cmath>
#include <limits>

namespace vnplan {

double FontMetrics::width(FontFace face, double size, std::string_view utf8) const {
  double w = 0;
  for (size_t i = 0; i < utf8.size();) w += advance(face, nextCodePoint(utf8, i));
  return w * size / 1000.0;
}

CachedMetrics::CachedMetrics(const FontMetrics& base) : base_(base) {
  for (auto& face : table_) face.fill(std::numeric_limits<double>::quiet_NaN());
}

double CachedMetrics::width(FontFace face, double size, std::string_view utf8) const {
  // FontMetrics::width with the table lookup inlined (no virtual call per character).
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  const size_t n = utf8.size();
  auto& table = table_[static_cast<size_t>(face)];
  double w = 0;
  for (size_t i = 0; i < n;) {
    // ASCII (digits, punctuation, the unaccented letters): its own slot, no decoding.
    const char32_t cp = s[i] < 0x80 ? s[i++] : nextCodePoint(utf8, i);
    const size_t slot = slotOf(cp);
    if (slot == kNoSlot) {
      w += base_.advance(face, cp);
      continue;
    }
    double& v = table[slot];
    if (std::isnan(v)) v = base_.advance(face, cp);
    w += v;
  }
  return w * size / 1000.0;
}

}  // namespace vnplan
