#include "layout/font_metrics.hpp"

#include "model/text.hpp"

namespace vnplan {

double FontMetrics::width(FontFace face, double size, std::string_view utf8) const {
  double w = 0;
  for (size_t i = 0; i < utf8.size();) w += advance(face, nextCodePoint(utf8, i));
  return w * size / 1000.0;
}

}  // namespace vnplan
