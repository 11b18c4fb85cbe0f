#pragma once
// Which target texts become numbers. Only an exact number or percentage, written the
// Vietnamese way, does: "100", "95%", "12,5%", "1.000", "0,8". Anything with other
// characters ("≥ 80%", "≤5", "Đạt", "100% số xã") stays text, so nothing the plan says
// is lost; a leading zero ("01") stays text too, because the number would drop it.
#include <optional>
#include <string>
#include <string_view>

#include "render/xlsx/table_model.hpp"

namespace vnplan::xlsx {

struct NumericTarget {
  double value = 0;    // a percentage is stored as a fraction: "95%" -> 0.95
  std::string format;  // Excel number format with the decimals as written: "0%", "0.0%", "#,##0", "#,##0.00"
};

std::optional<NumericTarget> parseNumericTarget(std::string_view text);

// The cell for a target as written: a number with its display format, or text.
Cell targetCell(const std::string& text);

}  // namespace vnplan::xlsx
