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

namespace {

constexpr size_t kNoSlot = ~size_t{0};

// The table slot of a code point, or kNoSlot for one outside the cached ranges.
inline size_t slotOf(char32_t cp) {
  if (cp < 0x250) return cp;
  if (cp >= 0x1E00 && cp < 0x1F00) return 0x250 + (cp - 0x1E00);
  if (cp >= 0x2000 && cp < 0x2070) return 0x350 + (cp - 0x2000);
  return kNoSlot;
}

}  // namespace

CachedMetrics::CachedMetrics(const FontMetrics& base) : base_(base) {
  for (auto& face : table_) face.fill(std::numeric_limits<double>::quiet_NaN());
}

double CachedMetrics::advance(FontFace face, char32_t cp) const {
  const size_t slot = slotOf(cp);
  if (slot == kNoSlot) return base_.advance(face, cp);
  double& v = table_[static_cast<size_t>(face)][slot];
  if (std::isnan(v)) v = base_.advance(face, cp);
  return v;
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
