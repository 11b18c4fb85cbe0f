#pragma once
// Glyph advance widths, as the layout needs them, without any PDF machinery. The PDF
// renderer supplies metrics from the fonts it embeds; tests supply fixed ones.
#include <array>
#include <cmath>
#include <string_view>

#include "model/doc_template.hpp"

namespace vnplan {

class FontMetrics {
 public:
  virtual ~FontMetrics() = default;
  // Advance of one code point in 1/1000 em.
  virtual double advance(FontFace face, char32_t cp) const = 0;
  // Width in points of UTF-8 text at `size`.
  virtual double width(FontFace face, double size, std::string_view utf8) const;
};

// Every glyph has the same advance: for layout tests.
class FixedMetrics : public FontMetrics {
 public:
  explicit FixedMetrics(double perMille = 500) : perMille_(perMille) {}
  double advance(FontFace, char32_t cp) const override { return cp == U' ' ? 250 : perMille_; }

 private:
  double perMille_;
};

// The advances of the characters Vietnamese text uses (Latin, its extensions, the
// precomposed letters U+1E00–U+1EFF, general punctuation), kept in a table filled from
// `base` on first use: measuring otherwise makes a virtual call per character. Same
// values, same sums, so the same widths to the last bit. It fills itself while measuring:
// one per layout, not shared between threads.
class CachedMetrics final : public FontMetrics {
 public:
  explicit CachedMetrics(const FontMetrics& base);
  // Inline (the class is final): the layout's word scan measures with it as it goes.
  double advance(FontFace face, char32_t cp) const override {
    const size_t slot = slotOf(cp);
    if (slot == kNoSlot) return base_.advance(face, cp);
    double& v = table_[static_cast<size_t>(face)][slot];
    if (std::isnan(v)) v = base_.advance(face, cp);
    return v;
  }
  double width(FontFace face, double size, std::string_view utf8) const override;

 private:
  static constexpr size_t kSlots = 0x250 + 0x100 + 0x70;  // U+0000–024F, U+1E00–1EFF, U+2000–206F
  static constexpr size_t kNoSlot = ~size_t{0};
  // The table slot of a code point, or kNoSlot for one outside the cached ranges.
  static size_t slotOf(char32_t cp) {
    if (cp < 0x250) return cp;
    if (cp >= 0x1E00 && cp < 0x1F00) return 0x250 + (cp - 0x1E00);
    if (cp >= 0x2000 && cp < 0x2070) return 0x350 + (cp - 0x2000);
    return kNoSlot;
  }
  const FontMetrics& base_;
  mutable std::array<std::array<double, kSlots>, 4> table_;  // per face; NaN: not asked yet
};

}  // namespace vnplan
