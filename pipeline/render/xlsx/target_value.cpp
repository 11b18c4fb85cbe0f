#include "render/xlsx/target_value.hpp"

#include <charconv>
#include <system_error>

namespace vnplan::xlsx {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view trimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Integer part: "0", digits without a leading zero, or groups of three after '.'
// ("1.000", "12.500.000"). Returns the digits without separators, or nullopt.
std::optional<std::string> integerPart(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (s == "0") return std::string("0");
  if (s.front() == '0') return std::nullopt;
  std::string digits;
  if (s.find('.') == std::string_view::npos) {
    for (char c : s)
      if (!isDigit(c)) return std::nullopt;
    return std::string(s);
  }
  std::size_t pos = 0, group = 0;
  while (pos <= s.size()) {
    std::size_t dot = s.find('.', pos);
    std::string_view part = s.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
    if (part.empty() || part.size() > 3 || (group > 0 && part.size() != 3)) return std::nullopt;
    for (char c : part)
      if (!isDigit(c)) return std::nullopt;
    digits += part;
    ++group;
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  return digits;
}

}  // namespace

std::optional<NumericTarget> parseNumericTarget(std::string_view text) {
  std::string_view s = trimSpaces(text);
  bool percent = false;
  if (!s.empty() && s.back() == '%') {
    percent = true;
    s.remove_suffix(1);
    if (!s.empty() && s.back() == ' ') s.remove_suffix(1);  // "95 %"
  }
  bool negative = false;
  if (!s.empty() && s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  std::string_view intText = s, fracText;
  if (auto comma = s.find(','); comma != std::string_view::npos) {
    intText = s.substr(0, comma);
    fracText = s.substr(comma + 1);
    if (fracText.empty()) return std::nullopt;
    for (char c : fracText)
      if (!isDigit(c)) return std::nullopt;
  }
  auto intDigits = integerPart(intText);
  if (!intDigits) return std::nullopt;
  std::string mantissa = *intDigits + std::string(fracText);
  std::size_t significant = mantissa.find_first_not_of('0');
  if (significant != std::string::npos && mantissa.size() - significant > 15) return std::nullopt;  // would lose digits

  // Parse the decimal once (correctly rounded): digits × 10^-(decimals [+2 for %]).
  int exponent = -static_cast<int>(fracText.size()) - (percent ? 2 : 0);
  std::string literal = (negative ? "-" : "") + mantissa + "e" + std::to_string(exponent);
  NumericTarget out;
  auto [ptr, ec] = std::from_chars(literal.data(), literal.data() + literal.size(), out.value);
  if (ec != std::errc() || ptr != literal.data() + literal.size()) return std::nullopt;
  if (out.value == 0) out.value = 0;  // no "-0"

  // Appended, not "literal" + string: GCC 12 at -O3 warns falsely there (-Wrestrict, PR 105329).
  out.format = percent ? "0" : "#,##0";
  if (!fracText.empty()) {
    out.format += '.';
    out.format.append(fracText.size(), '0');
  }
  if (percent) out.format += '%';
  return out;
}

Cell targetCell(const std::string& text) {
  if (auto n = parseNumericTarget(text)) return Cell::makeNumber(n->value, n->format);
  return Cell::makeText(text);
}

}  // namespace vnplan::xlsx
