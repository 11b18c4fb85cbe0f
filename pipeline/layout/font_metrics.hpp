#pragma once
// Glyph advance widths, as the layout needs them, without any PDF machinery. The PDF
// renderer supplies metrics from the fonts it embeds; tests supply fixed ones.
#include <string_view>

#include "model/doc_template.hpp"

namespace vnplan {

class FontMetrics {
 public:
  virtual ~FontMetrics() = default;
  // Advance of one code point in 1/1000 em.
  virtual double advance(FontFace face, char32_t cp) const = 0;
  // Width in points of UTF-8 text at `size`.
  double width(FontFace face, double size, std::string_view utf8) const;
};

// Every glyph has the same advance: for layout tests.
class FixedMetrics : public FontMetrics {
 public:
  explicit FixedMetrics(double perMille = 500) : perMille_(perMille) {}
  double advance(FontFace, char32_t cp) const override { return cp == U' ' ? 250 : perMille_; }

 private:
  double perMille_;
};

}  // namespace vnplan
