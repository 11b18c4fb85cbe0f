#include "render/xlsx/sheet_names.hpp"

#include "model/text.hpp"

namespace vnplan::xlsx {

namespace {

constexpr std::size_t kMaxChars = 31;

std::string cleanName(std::string_view label) {
  std::u32string cps = decodeUtf8(label);
  std::u32string out;
  for (char32_t c : cps) {
    if (c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\')
      c = '-';
    else if (c < 0x20 || c == 0x7f)
      c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;  // collapse runs, no leading space
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\'')) out.pop_back();
  while (!out.empty() && (out.front() == '\'' || out.front() == ' ')) out.erase(out.begin());
  if (out.size() > kMaxChars) out.resize(kMaxChars);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\'')) out.pop_back();
  std::string s;
  for (char32_t c : out) s += encodeUtf8(c);
  return s;
}

bool isTaken(const std::string& name, const std::vector<std::string>& taken) {
  std::string f = foldForMatching(name);
  if (f == foldForMatching("_meta") || f == "history") return true;
  for (const auto& t : taken)
    if (foldForMatching(t) == f) return true;
  return false;
}

}  // namespace

std::string sheetNameFor(std::string_view label, std::string_view fallback, const std::vector<std::string>& taken) {
  std::string base = cleanName(label);
  if (base.empty()) base = cleanName(fallback);
  if (base.empty()) base = "Sheet";
  if (!isTaken(base, taken)) return base;
  for (int n = 2;; ++n) {
    std::string suffix = " (" + std::to_string(n) + ")";
    std::u32string cps = decodeUtf8(base);
    std::size_t keep = kMaxChars - suffix.size();
    if (cps.size() > keep) cps.resize(keep);
    std::string candidate;
    for (char32_t c : cps) candidate += encodeUtf8(c);
    while (!candidate.empty() && candidate.back() == ' ') candidate.pop_back();
    candidate += suffix;
    if (!isTaken(candidate, taken)) return candidate;
  }
}

}  // namespace vnplan::xlsx
